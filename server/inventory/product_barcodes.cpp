#include "inventory/product_barcodes.h"

#include "documents/values.h"
#include "domain/quantity.h"
#include "rpc/call_registry.h"
#include "schema/catalogue.h"
#include "schema/field_value.h"
#include "store/db.h"
#include "store/entity_hooks.h"
#include "store/record_writer.h"
#include "store/write_scope.h"

#include <QCborArray>

namespace liuhe::inventory {

using protocol::CallError;
using protocol::ErrorCode;
using protocol::FieldProblem;
using protocol::Reply;

namespace {

const QString kBarcode = QStringLiteral("barcode");

// The other product a code already leads to (by code, barcode or another
// barcode), or an empty name. One equality per branch, not `barcode = ? OR
// code = ?`: PostgreSQL keeps the plan it made for a statement while the table
// was empty, and for the OR that plan is a scan of the whole table — an import
// of 10,000 products spent 0.6 ms per check there.
QString productUsing(store::Db &db, const QString &code, qint64 exceptProduct)
{
    return db.scalar(QStringLiteral("SELECT p.name FROM product p WHERE p.barcode = ? AND p.id <> ? "
                                    "UNION ALL SELECT p.name FROM product p WHERE p.code = ? AND p.id <> ? "
                                    "UNION ALL SELECT p.name FROM product_barcode b JOIN product p ON p.id = b.product_id "
                                    "WHERE b.barcode = ? AND b.product_id <> ? LIMIT 1"),
                     {code, exceptProduct, code, exceptProduct, code, exceptProduct})
        .toString();
}

CallError taken(const QString &field, qint64 line, const QString &code, const QString &product)
{
    return CallError(ErrorCode::Validation, QStringLiteral("barcode %1 already belongs to %2").arg(code, product),
                     {FieldProblem{field, QStringLiteral("barcode_taken"), {}, line, QCborMap{{QStringLiteral("product"), product}}}});
}

std::optional<CallError> productRules(store::SaveContext &ctx)
{
    store::Db &db = ctx.scope.db();
    const bool serial = ctx.values.value(QStringLiteral("serial_tracked")).toBool(false);
    QStringList seen;
    for (const char *field : {"code", "barcode"}) {
        const QString code = ctx.values.value(QLatin1String(field)).toString();
        if (code.isEmpty()) continue;
        if (const QString other = productUsing(db, code, ctx.id); !other.isEmpty()) return taken(QLatin1String(field), 0, code, other);
        seen << code;
    }
    int newLines = 0;
    for (const QCborMap &line : ctx.lines) {
        const qint64 key = line.contains(QStringLiteral("id")) ? documents::id(line, "id") : -(++newLines);
        const QString code = line.value(kBarcode).toString();
        if (seen.contains(code))
            return CallError(ErrorCode::Validation, QStringLiteral("barcode %1 is given twice").arg(code),
                             {FieldProblem{kBarcode, QStringLiteral("duplicate"), {}, key, {}}});
        seen << code;
        if (const QString other = productUsing(db, code, ctx.id); !other.isEmpty()) return taken(kBarcode, key, code, other);
        if (serial && line.value(QStringLiteral("pack_qty")).toInteger(Quantity::kScale) != Quantity::kScale)
            return CallError(ErrorCode::Validation, QStringLiteral("a serial-numbered product is scanned one at a time"),
                             {FieldProblem{QStringLiteral("pack_qty"), QStringLiteral("serial_one"), {}, key, {}}});
    }
    return std::nullopt;
}

// Adds the scanned code to the product as another barcode, through the generic
// save: the caller needs write access to the product, and the change is
// audited, versioned and announced like any edit of the product.
Reply linkBarcode(store::WriteScope &scope, const rpc::CallInput &in)
{
    const schema::Entity &product = *schema::Catalogue::instance().entity(QStringLiteral("product"));
    const qint64 productId = in.args.value(QStringLiteral("product_id")).toInteger();
    const QString code = schema::normaliseValue(*product.field(kBarcode), in.args.value(kBarcode)).toString();
    if (code.isEmpty())
        return Reply(CallError(ErrorCode::Validation, QStringLiteral("barcode is empty"), {FieldProblem{kBarcode, QStringLiteral("required"), {}, 0, {}}}));
    const QVariant version = scope.db().scalar(QStringLiteral("SELECT version FROM product WHERE id = ? AND archived = 0"), {productId});
    if (!version.isValid()) return Reply::fail(ErrorCode::NotFound, QStringLiteral("product not found"));
    store::SaveRequest request;
    request.entity = &product;
    request.id = productId;
    request.baseVersion = version.toLongLong();
    request.lines.append(QCborMap{{kBarcode, code}, {QStringLiteral("pack_qty"), in.args.value(QStringLiteral("pack_qty")).toInteger(Quantity::kScale)}});
    return store::saveRecord(scope, in.caller, request);
}

} // namespace

void registerProductBarcodeRules() { store::HookRegistry::instance().set(QStringLiteral("product"), {productRules, {}}); }

void registerProductBarcodeCalls(rpc::CallRegistry &calls)
{
    calls.add({QStringLiteral("inventory.link_barcode"), [](const QCborMap &) { return rpc::Requirement::on(QStringLiteral("product"), QStringLiteral("write")); },
               {}, linkBarcode, {}});
}

} // namespace liuhe::inventory
