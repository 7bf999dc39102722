// Serial numbers (序列号) of serial-tracked products: each unit moves alone and
// is in stock at most once. The stock ledger asks here before a unit comes in
// (receiving a serial already in stock is refused) or goes out (a serial not in
// stock is refused), and records where the unit is while it is in stock.
#pragma once

#include "protocol/reply.h"

#include <QString>
#include <optional>
#include <variant>

namespace liuhe::store {
class Db;
}

namespace liuhe::inventory {

struct StockPlace;

class SerialNumbers {
public:
    explicit SerialNumbers(store::Db &db) : m_db(db) {}

    // Refuses a unit coming in without a serial, more than one unit, or a serial in stock.
    std::optional<protocol::CallError> checkIn(const StockPlace &place, qint64 quantityMilli, qint64 lineId);
    // Where the unit named by place.serial is (location and lot filled in); refused
    // when it is not in stock in the place's warehouse (and location, if given).
    std::variant<StockPlace, protocol::CallError> locate(const StockPlace &place, qint64 quantityMilli, qint64 lineId);
    void markIn(const StockPlace &place);
    void markOut(qint64 productId, const QString &serial);
    void moveTo(qint64 productId, const QString &serial, qint64 locationId);

private:
    store::Db &m_db;
};

// A Validation error naming one field of one document line.
protocol::CallError lineProblem(const QString &field, const QString &code, const QString &message, qint64 lineId, const QCborMap &extra = {});

} // namespace liuhe::inventory
