// Counting serial-tracked products (序列号盘点): one count line per serial number.
// A count starts with a line for every serial in stock in its scope (book 1);
// scanning a serial counts it, and a serial the book does not have at that place
// gets its own line (book 0), a gain. Once any unit of a product is counted, its
// serials not scanned are the missing ones (counted 0, a loss naming them); a
// product none of whose units is counted is left alone, like any uncounted line.
#pragma once

#include <QSet>
#include <QString>
#include <optional>

namespace liuhe::store {
class Db;
}

namespace liuhe::inventory {

struct StockPlace;

class CountSerials {
public:
    CountSerials(store::Db &db, qint64 countId);

    // What the variance list and posting take as a line's count; none: leave it alone.
    // A serial-tracked product is counted by its serial numbers only, so its
    // lines without one (a zero scan) count nothing themselves.
    std::optional<qint64> countOf(qint64 productId, const QString &serial, std::optional<qint64> counted) const;

private:
    QSet<qint64> m_tracked; // serial-tracked products on the count
    QSet<qint64> m_counted; // … of which a line is counted
};

// A serial count line's book: one unit when the place's serial is in stock in
// its warehouse at its location, else none.
qint64 serialBook(store::Db &db, const StockPlace &place);

} // namespace liuhe::inventory
