#include "schema/filter.h"

#include "schema/field_value.h"

#include <QCborArray>

namespace liuhe::schema {

namespace {

struct OpName { Filter::Op op; const char *name; };
const OpName kOps[] = {
    {Filter::Op::And, "and"}, {Filter::Op::Or, "or"}, {Filter::Op::Not, "not"}, {Filter::Op::Eq, "eq"},
    {Filter::Op::Ne, "ne"}, {Filter::Op::Lt, "lt"}, {Filter::Op::Le, "le"}, {Filter::Op::Gt, "gt"},
    {Filter::Op::Ge, "ge"}, {Filter::Op::In, "in"}, {Filter::Op::Like, "like"}, {Filter::Op::IsNull, "null"},
    {Filter::Op::NotNull, "notnull"}, {Filter::Op::Search, "search"},
};

std::optional<Filter::Op> opFromName(const QString &name)
{
    for (const auto &o : kOps)
        if (name == QLatin1String(o.name)) return o.op;
    return std::nullopt;
}

class Parser {
public:
    Parser(const Entity &entity, QString *error) : m_entity(entity), m_error(error) {}

    std::optional<Filter> parse(const QCborValue &wire, int depth)
    {
        if (depth > kMaxFilterDepth) return fail(QStringLiteral("filter nested too deeply"));
        if (++m_nodes > kMaxFilterNodes) return fail(QStringLiteral("filter too large"));
        if (!wire.isArray()) return fail(QStringLiteral("filter node is not an array"));
        const QCborArray a = wire.toArray();
        if (a.isEmpty() || !a.at(0).isString()) return fail(QStringLiteral("filter node without operator"));
        const auto op = opFromName(a.at(0).toString());
        if (!op) return fail(QStringLiteral("unknown filter operator: %1").arg(a.at(0).toString()));
        Filter f;
        f.op = *op;
        switch (f.op) {
        case Filter::Op::And:
        case Filter::Op::Or:
        case Filter::Op::Not:
            if (f.op == Filter::Op::Not && a.size() != 2) return fail(QStringLiteral("not takes one filter"));
            for (qsizetype i = 1; i < a.size(); ++i) {
                auto child = parse(a.at(i), depth + 1);
                if (!child) return std::nullopt;
                f.children.append(std::move(*child));
            }
            return f;
        case Filter::Op::Search:
            if (a.size() != 2 || !a.at(1).isString()) return fail(QStringLiteral("search takes one text"));
            if (a.at(1).toString().size() > 100) return fail(QStringLiteral("search text too long"));
            f.value = a.at(1);
            return f;
        case Filter::Op::IsNull:
        case Filter::Op::NotNull:
            if (a.size() != 2) return fail(QStringLiteral("null test takes one field"));
            if (!field(a.at(1), f)) return std::nullopt;
            return f;
        default:
            break;
        }
        if (a.size() != 3) return fail(QStringLiteral("comparison takes a field and a value"));
        const Field *fd = field(a.at(1), f);
        if (!fd) return std::nullopt;
        f.value = a.at(2);
        if (f.op == Filter::Op::Like) {
            if (!f.value.isString()) return fail(QStringLiteral("like needs a text pattern"));
            if (!isTextual(*fd)) return fail(QStringLiteral("like on a non-text field"));
            return f;
        }
        if (f.op == Filter::Op::In) {
            if (!f.value.isArray()) return fail(QStringLiteral("in needs an array"));
            const QCborArray values = f.value.toArray();
            if (values.size() > kMaxInValues) return fail(QStringLiteral("in list too long"));
            for (const auto &v : values)
                if (!comparable(*fd, v)) return std::nullopt;
            return f;
        }
        if (!comparable(*fd, f.value)) return std::nullopt;
        return f;
    }

private:
    static bool isTextual(const Field &fd)
    {
        return fd.type == FieldType::Text || fd.type == FieldType::LongText || fd.type == FieldType::Enum
               || fd.type == FieldType::Address;
    }

    const Field *field(const QCborValue &name, Filter &f)
    {
        if (!name.isString()) {
            fail(QStringLiteral("field name must be text"));
            return nullptr;
        }
        f.field = name.toString();
        if (f.field == QLatin1String("id")) return &idField();
        const Field *fd = m_entity.field(f.field);
        if (!fd) fail(QStringLiteral("unknown field: %1").arg(f.field));
        return fd;
    }

    bool comparable(const Field &fd, const QCborValue &v)
    {
        if (v.isNull()) return true;
        Field probe = fd;
        probe.hasMin = false;
        probe.maxLength = 4000;
        if (fd.type == FieldType::Address) {
            if (v.isString()) return true;
            fail(QStringLiteral("address compares on its code"));
            return false;
        }
        if (fd.type == FieldType::Enum && v.isString()) return true; // unknown keys simply match nothing
        if (!checkValue(probe, v).isEmpty()) {
            fail(QStringLiteral("value of the wrong type for %1").arg(fd.name));
            return false;
        }
        return true;
    }

    static const Field &idField()
    {
        static const Field f = [] {
            Field id;
            id.name = QStringLiteral("id");
            id.type = FieldType::Int;
            return id;
        }();
        return f;
    }

    std::nullopt_t fail(const QString &why)
    {
        if (m_error && m_error->isEmpty()) *m_error = why;
        return std::nullopt;
    }

    const Entity &m_entity;
    QString *m_error;
    int m_nodes = 0;
};

void collectFields(const Filter &f, QStringList &out)
{
    if (!f.field.isEmpty() && !out.contains(f.field)) out.append(f.field);
    for (const auto &c : f.children) collectFields(c, out);
}

} // namespace

std::optional<Filter> parseFilter(const QCborValue &wire, const Entity &entity, QString *error)
{
    if (wire.isUndefined() || wire.isNull()) return Filter{};
    Parser parser(entity, error);
    return parser.parse(wire, 1);
}

QString filterOpName(Filter::Op op)
{
    for (const auto &o : kOps)
        if (o.op == op) return QString::fromLatin1(o.name);
    return QStringLiteral("and");
}

QCborValue filterToWire(const Filter &filter)
{
    QCborArray a;
    a.append(filterOpName(filter.op));
    switch (filter.op) {
    case Filter::Op::And:
    case Filter::Op::Or:
    case Filter::Op::Not:
        for (const auto &c : filter.children) a.append(filterToWire(c));
        break;
    case Filter::Op::Search:
        a.append(filter.value);
        break;
    case Filter::Op::IsNull:
    case Filter::Op::NotNull:
        a.append(filter.field);
        break;
    default:
        a.append(filter.field);
        a.append(filter.value);
    }
    return a;
}

QStringList filterFields(const Filter &filter)
{
    QStringList out;
    collectFields(filter, out);
    return out;
}

} // namespace liuhe::schema
