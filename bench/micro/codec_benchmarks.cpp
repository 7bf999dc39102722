// Frame and payload codec: what every call pays twice, and a 1,000-row list page.
#include "protocol/frame.h"

#include <QCborArray>
#include <benchmark/benchmark.h>

using namespace liuhe;

namespace {

QCborMap smallRequest()
{
    return QCborMap{{QStringLiteral("call"), QStringLiteral("data.get")},
                    {QStringLiteral("args"), QCborMap{{QStringLiteral("entity"), QStringLiteral("customer")}, {QStringLiteral("id"), 4711}}}};
}

// A data.query answer as the list views receive it: 1,000 rows of 12 columns.
QCborMap page(int rows)
{
    QCborArray columns;
    for (const char *c : {"id", "version", "code", "name", "phone", "level", "price_tier", "credit_limit", "owner_id", "owner_id:label",
                          "address", "archived"})
        columns.append(QString::fromLatin1(c));
    QCborArray data;
    for (int i = 0; i < rows; ++i)
        data.append(QCborArray{i + 1, 3, QStringLiteral("C%1").arg(i, 6, 10, QLatin1Char('0')),
                               QStringLiteral("广州市天河区华南电子科技有限公司%1").arg(i), QStringLiteral("020-8888%1").arg(i % 10000, 4, 10, QLatin1Char('0')),
                               QStringLiteral("A"), QStringLiteral("standard"), qint64(5000000 + i), 17, QStringLiteral("张伟"),
                               QStringLiteral("440106"), false});
    return QCborMap{{QStringLiteral("columns"), columns}, {QStringLiteral("rows"), data}, {QStringLiteral("total"), rows}};
}

void BM_FrameEncodeSmall(benchmark::State &state)
{
    const QCborMap payload = smallRequest();
    for (auto _ : state) benchmark::DoNotOptimize(protocol::encodeFrame(protocol::Kind::Request, 42, payload));
}
BENCHMARK(BM_FrameEncodeSmall);

void BM_FrameDecodeSmall(benchmark::State &state)
{
    const QByteArray frame = protocol::encodeFrame(protocol::Kind::Request, 42, smallRequest());
    for (auto _ : state) {
        protocol::FrameHeader header;
        const auto problem = protocol::decodeHeader(QByteArrayView(frame).first(protocol::kHeaderSize), protocol::kMaxPayloadAfterLogin, header);
        benchmark::DoNotOptimize(problem);
        benchmark::DoNotOptimize(protocol::decodePayload(QByteArrayView(frame).sliced(protocol::kHeaderSize)));
    }
}
BENCHMARK(BM_FrameDecodeSmall);

void BM_PageEncode(benchmark::State &state)
{
    const QCborMap p = page(int(state.range(0)));
    qint64 bytes = 0;
    for (auto _ : state) {
        const QByteArray frame = protocol::encodeFrame(protocol::Kind::Response, 7, p);
        bytes = frame.size();
        benchmark::DoNotOptimize(frame);
    }
    state.counters["frame_kb"] = double(bytes) / 1024.0;
    state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_PageEncode)->Arg(1000)->Unit(benchmark::kMicrosecond);

void BM_PageDecode(benchmark::State &state)
{
    const QByteArray frame = protocol::encodeFrame(protocol::Kind::Response, 7, page(int(state.range(0))));
    const QByteArrayView payload = QByteArrayView(frame).sliced(protocol::kHeaderSize);
    for (auto _ : state) {
        auto decoded = protocol::decodePayload(payload);
        if (!decoded) state.SkipWithError("page did not decode");
        benchmark::DoNotOptimize(decoded);
    }
    state.SetBytesProcessed(state.iterations() * payload.size());
}
BENCHMARK(BM_PageDecode)->Arg(1000)->Unit(benchmark::kMicrosecond);

} // namespace

namespace {
void BM_PageFromCborOnly(benchmark::State &state)
{
    const QByteArray frame = protocol::encodeFrame(protocol::Kind::Response, 7, page(int(state.range(0))));
    const QByteArray payload = frame.mid(protocol::kHeaderSize);
    for (auto _ : state) benchmark::DoNotOptimize(QCborValue::fromCbor(payload));
}
BENCHMARK(BM_PageFromCborOnly)->Arg(1000)->Unit(benchmark::kMicrosecond);
}
