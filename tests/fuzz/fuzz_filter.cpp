// libFuzzer target: the query filter parser. The first byte picks an entity, the
// rest is the filter as CBOR. Accepted filters must survive filterToWire.
#include "schema/catalogue.h"
#include "schema/filter.h"

#include <cstdint>
#include <cstdlib>

using namespace liuhe::schema;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    static const QList<const Entity *> entities = [] {
        QList<const Entity *> out;
        for (const Entity &e : Catalogue::instance().entities()) out.append(&e);
        return out;
    }();
    const Entity &entity = *entities.at(data[0] % entities.size());
    QCborParserError parseError;
    const QCborValue wire = QCborValue::fromCbor(QByteArray(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1)), &parseError);
    if (parseError.error != QCborError::NoError) return 0;
    QString error;
    const auto filter = parseFilter(wire, entity, &error);
    if (!filter) {
        if (error.isEmpty()) std::abort();
        return 0;
    }
    const QCborValue back = filterToWire(*filter);
    const auto again = parseFilter(back, entity, &error);
    if (!again || filterToWire(*again).toCbor() != back.toCbor()) std::abort();
    (void)filterFields(*filter);
    return 0;
}
