// Query filters: a small tree sent as CBOR arrays, checked against an entity.
//
//   ["and", f1, f2, …]   ["or", f1, …]    ["not", f]
//   ["eq"|"ne"|"lt"|"le"|"gt"|"ge", "field", value]
//   ["in", "field", [v1, v2, …]]        ["like", "field", "北京%"]   (% and _ wildcards)
//   ["null", "field"]  ["notnull", "field"]
//   ["search", "bjkj"]   pinyin/name search over the entity's searchable fields
//
// An Address field compares on its region code ("like", "address", "4401%").
#pragma once

#include "schema/entity.h"

#include <QCborValue>
#include <QList>
#include <QString>
#include <optional>

namespace liuhe::schema {

struct Filter {
    enum class Op { And, Or, Not, Eq, Ne, Lt, Le, Gt, Ge, In, Like, IsNull, NotNull, Search };
    Op op = Op::And;
    QString field;          // comparison ops
    QCborValue value;       // comparison value; In: array; Search/Like: text
    QList<Filter> children; // And/Or/Not
};

constexpr int kMaxFilterDepth = 12;
constexpr int kMaxFilterNodes = 200;
constexpr int kMaxInValues = 1000;

// Parses and checks a filter; undefined or null gives an empty And (matches all).
// The error names the problem for a BAD_REQUEST answer.
std::optional<Filter> parseFilter(const QCborValue &wire, const Entity &entity, QString *error = nullptr);

QCborValue filterToWire(const Filter &filter);
QString filterOpName(Filter::Op op);

// Every field a filter reads (for permission checks on sensitive fields).
QStringList filterFields(const Filter &filter);

} // namespace liuhe::schema
