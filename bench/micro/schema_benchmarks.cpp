// Filter parsing (every list query) and pinyin search keys (every save of a named record).
#include "schema/catalogue.h"
#include "schema/filter.h"
#include "search/pinyin.h"

#include <QCborArray>
#include <benchmark/benchmark.h>

using namespace liuhe;

namespace {

void BM_FilterParse(benchmark::State &state)
{
    const schema::Entity &customer = *schema::Catalogue::instance().entity(QStringLiteral("customer"));
    const QCborArray wire{QStringLiteral("and"), QCborArray{QStringLiteral("like"), QStringLiteral("name"), QStringLiteral("广州%")},
                          QCborArray{QStringLiteral("in"), QStringLiteral("level"), QCborArray{QStringLiteral("A"), QStringLiteral("B")}},
                          QCborArray{QStringLiteral("or"), QCborArray{QStringLiteral("ge"), QStringLiteral("credit_limit"), 100000},
                                     QCborArray{QStringLiteral("null"), QStringLiteral("credit_limit")}},
                          QCborArray{QStringLiteral("search"), QStringLiteral("gzhn")}};
    for (auto _ : state) {
        auto filter = schema::parseFilter(wire, customer);
        if (!filter) state.SkipWithError("filter refused");
        benchmark::DoNotOptimize(filter);
    }
}
BENCHMARK(BM_FilterParse);

void BM_PinyinSearchKeys(benchmark::State &state)
{
    const QString name = QStringLiteral("重庆长安汽车配件有限公司");
    (void)search::Pinyin::instance().searchKeys(name); // ICU set-up outside the loop
    for (auto _ : state) benchmark::DoNotOptimize(search::Pinyin::instance().searchKeys(name));
}
BENCHMARK(BM_PinyinSearchKeys)->Unit(benchmark::kMicrosecond);

} // namespace
