// A large read answer written straight from a statement into CBOR, column by
// column: {"columns": [names], "count": n, "data": [[column 0 …], [column 1 …], …]}
// (docs/protocol.md, "Column tables"). Ten thousand rows become a few flat
// arrays instead of ten thousand small ones, with no QCborValue tree on the way:
// the clerk dashboard's stock list of a whole warehouse goes out in a fifth of
// the time. Cells are null, integers or text, as Query::cell gives them.
#pragma once

#include <QByteArray>
#include <QStringList>
#include <vector>

namespace liuhe::store {

class Query;

// Reads every row of q (its first names.size() columns), sorts the rows by
// sortColumns (each ascending; NULL before numbers before text, text by its
// UTF-8 bytes as SQLite's BINARY collation) and returns the encoded answer.
// Sorting here rather than in SQL: SQLite's sorter moves every selected column
// and took half of the stock list's query time.
QByteArray encodeColumnTable(Query &q, const QStringList &names, const std::vector<int> &sortColumns = {});

} // namespace liuhe::store
