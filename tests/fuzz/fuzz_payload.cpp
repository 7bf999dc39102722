// libFuzzer target: CBOR payload decoding with its depth, size and shape limits.
#include "protocol/frame.h"

#include <cstdint>
#include <cstdlib>

using namespace liuhe::protocol;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString error;
    const auto payload = decodePayload(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)), &error);
    if (!payload) {
        if (error.isEmpty()) std::abort(); // every refusal names its reason
        return 0;
    }
    // The client's reading of a response agrees with the full decode.
    const auto result = responseResult(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!result || QCborValue::fromCbor(*result).toCbor() != payload->value(QLatin1StringView("result")).toCbor()) std::abort();
    // Accepted payloads survive a round trip byte for byte (after one re-encoding).
    const QByteArray once = payload->toCborValue().toCbor();
    const auto again = decodePayload(once);
    if (!again || again->toCborValue().toCbor() != once) std::abort();
    return 0;
}
