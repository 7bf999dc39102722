// A field of an entity, declared once; the server derives columns, validation and
// access checks from it, the client derives list columns, filters and editors.
#pragma once

#include <QCborValue>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace liuhe::schema {

enum class FieldType {
    Text,     // single line, maxLength characters
    LongText, // notes, multi-line
    Int,      // plain integer
    Bool,
    Money,    // integer 分 on the wire and in the store
    Quantity, // integer thousandths (fixed point, three decimals)
    Date,     // "yyyy-MM-dd"
    DateTime, // ISO 8601 UTC with milliseconds
    Enum,     // one of options[].key
    Ref,      // id of a record of refEntity
    Address,  // {code: GB/T 2260 district code, name: 省市区, detail: street}
};

enum FieldFlag : quint32 {
    Required = 1u << 0,
    Unique = 1u << 1,     // unique among live records (and among lines of one document for lines)
    Indexed = 1u << 2,    // has an index; lists may sort and keyset-page on it
    Searchable = 1u << 3, // name-like: pinyin search keys are kept for it
    ReadOnly = 1u << 4,   // set by the server (numbers, states, totals); a save naming it is refused
    ListColumn = 1u << 5, // shown in lists by default
    Multiline = 1u << 6,
    Sortable = Indexed,
};

// How a text field is normalised and checked beyond its length.
enum class TextFormat {
    Plain,
    Code,       // NFKC (full-width to ASCII) and upper case: product codes, barcodes
    CreditCode, // 统一社会信用代码: Code plus the GB 32100 check character
    Email,
};

struct EnumOption {
    QString key;
    const char *label; // English source, translated in context "Schema"
};

struct Field {
    QString name;
    FieldType type = FieldType::Text;
    const char *label = "";
    quint32 flags = 0;
    int maxLength = 0;          // Text: characters; 0 = 200
    QString refEntity;          // Ref
    QList<EnumOption> options;  // Enum
    QString sensitiveGroup;     // "salary", "id_card", "bank_account": readable only with a grant
    QString writeAction;        // protected: writable only by roles holding this action
    TextFormat format = TextFormat::Plain;
    QCborValue defaultValue;    // applied on create when the field is not given
    qint64 minValue = 0;        // Int/Money/Quantity lower bound when hasMin
    bool hasMin = false;

    bool has(FieldFlag f) const { return (flags & f) != 0; }
    bool isRequired() const { return has(Required); }
    bool isReadOnly() const { return has(ReadOnly); }
    bool isSensitive() const { return !sensitiveGroup.isEmpty(); }
    bool isNumeric() const { return type == FieldType::Int || type == FieldType::Money || type == FieldType::Quantity; }
    int effectiveMaxLength() const { return maxLength > 0 ? maxLength : (type == FieldType::LongText ? 4000 : 200); }
    bool hasOption(const QString &key) const;
};

QString fieldTypeName(FieldType type);

} // namespace liuhe::schema
