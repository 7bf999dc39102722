// libFuzzer target: a frame as the connection reads it, header first (refused
// before the body is allocated), then the payload it announces.
#include "protocol/frame.h"

#include <cstdint>
#include <cstdlib>

using namespace liuhe::protocol;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    if (bytes.size() < kHeaderSize) return 0;
    for (const quint32 limit : {kMaxPayloadBeforeLogin, kMaxPayloadAfterLogin}) {
        FrameHeader header;
        if (decodeHeader(bytes.first(kHeaderSize), limit, header) != HeaderProblem::None) continue;
        if (header.payloadLength > limit) std::abort(); // the limit must hold before allocation
        const QByteArrayView rest = bytes.sliced(kHeaderSize);
        if (rest.size() < qsizetype(header.payloadLength)) continue;
        const auto payload = decodePayload(rest.first(header.payloadLength));
        if (!payload) continue;
        // What decodes re-encodes to a frame that decodes to the same bytes again.
        const QByteArray again = encodeFrame(header.kind, header.requestId, *payload);
        FrameHeader h2;
        if (decodeHeader(QByteArrayView(again).first(kHeaderSize), kMaxPayloadAfterLogin, h2) != HeaderProblem::None) std::abort();
        if (h2.kind != header.kind || h2.requestId != header.requestId) std::abort();
        const auto reparsed = decodePayload(QByteArrayView(again).sliced(kHeaderSize));
        if (!reparsed || encodeFrame(header.kind, header.requestId, *reparsed) != again) std::abort();
    }
    return 0;
}
