#include "sales/order_confirm_choices.h"

#include "domain/money.h"
#include "views/document_bar.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

namespace liuhe::sales {

using protocol::ErrorCode;

namespace {

struct OrderConfirm {
    Q_DECLARE_TR_FUNCTIONS(OrderConfirm)
};

views::ActionRecovery askBackorder(QWidget *parent, const protocol::CallError &error, QCborMap args)
{
    QMessageBox box(QMessageBox::Warning, OrderConfirm::tr("Not enough stock"),
                    OrderConfirm::tr("Not enough stock is available for this order:\n%1\n\nConfirm anyway and keep what is missing as a backorder? What is in stock can then be "
                                          "shipped at once (Ship offers a partial delivery).")
                        .arg(views::DocumentBar::shortageText(error.details())),
                    QMessageBox::NoButton, parent);
    QPushButton *backorder = box.addButton(OrderConfirm::tr("Confirm with backorder"), QMessageBox::AcceptRole);
    backorder->setObjectName(QStringLiteral("backorder"));
    box.addButton(OrderConfirm::tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(backorder);
    box.exec();
    if (box.clickedButton() != backorder) return {};
    args.insert(QStringLiteral("allow_backorder"), true);
    return {args, {}};
}

views::ActionRecovery askPartialDelivery(QWidget *parent, QCborMap args)
{
    QMessageBox box(QMessageBox::Warning, OrderConfirm::tr("Not enough stock"),
                    OrderConfirm::tr("Not all of the order is in stock. Ship what is in stock now and keep the rest as a backorder?"), QMessageBox::NoButton,
                    parent);
    QPushButton *partial = box.addButton(OrderConfirm::tr("Partial delivery"), QMessageBox::AcceptRole);
    partial->setObjectName(QStringLiteral("partial"));
    box.addButton(OrderConfirm::tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(partial);
    box.exec();
    if (box.clickedButton() != partial) return {};
    args.insert(QStringLiteral("partial"), true);
    return {args, {}};
}

views::ActionRecovery askCreditOverride(QWidget *parent, client::Session &session, const protocol::CallError &error, QCborMap args)
{
    const QString limit = Money::fromFen(error.details().value(QStringLiteral("limit")).toInteger()).toDisplayString();
    const QString exposure = Money::fromFen(error.details().value(QStringLiteral("exposure")).toInteger()).toDisplayString();
    if (!session.permissions().can(QStringLiteral("sales_order"), QStringLiteral("override_credit")))
        return {std::nullopt, OrderConfirm::tr("The customer's credit limit would be exceeded (limit %1, with this order %2); the order was not confirmed. "
                                 "Only a user allowed to override credit limits can confirm it.")
                                  .arg(limit, exposure)};
    bool ok = false;
    const QString reason = QInputDialog::getText(parent, OrderConfirm::tr("Credit limit exceeded"),
                                                 OrderConfirm::tr("The customer's credit limit would be exceeded (limit %1, with this order %2).\n"
                                                    "To confirm anyway, give the reason (kept in the audit log):")
                                                     .arg(limit, exposure),
                                                 QLineEdit::Normal, QString(), &ok)
                                .trimmed();
    if (!ok) return {};
    if (reason.isEmpty()) return {std::nullopt, OrderConfirm::tr("Overriding the credit limit needs a reason; the order was not confirmed.")};
    args.insert(QStringLiteral("override_credit"), true);
    args.insert(QStringLiteral("override_reason"), reason);
    return {args, {}};
}

} // namespace

views::ActionRecovery recoverOrderConfirm(QWidget *parent, client::Session &session, const protocol::CallError &error, const QCborMap &args)
{
    if (error.code() == ErrorCode::InsufficientStock && !args.value(QStringLiteral("allow_backorder")).toBool()) return askBackorder(parent, error, args);
    if (error.code() == ErrorCode::CreditLimit && !args.value(QStringLiteral("override_credit")).toBool())
        return askCreditOverride(parent, session, error, args);
    return {};
}

views::ActionRecovery recoverOrderDelivery(QWidget *parent, client::Session &, const protocol::CallError &error, const QCborMap &args)
{
    const bool wholeOrder = !args.contains(QStringLiteral("lines")) && !args.value(QStringLiteral("partial")).toBool();
    if (error.code() == ErrorCode::InsufficientStock && wholeOrder) return askPartialDelivery(parent, args);
    return {};
}

void registerSalesOrderChoices()
{
    views::setActionRecovery(QStringLiteral("sales_order"), QStringLiteral("confirm"), recoverOrderConfirm);
    views::setActionRecovery(QStringLiteral("sales_order"), QStringLiteral("deliver"), recoverOrderDelivery);
}

} // namespace liuhe::sales
