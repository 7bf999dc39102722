// 比价: the received quotes for a purchase requisition side by side, shown when
// the purchaser presses 生成采购订单 on it. One row per product asked for, one
// column per quote (supplier and quote number); each cell the unit price and
// lead time, the lowest price still on offer for a product in green with ✔, the
// cheapest complete, unexpired quote ★ in its header; rows below give each
// quote's total for the requisition's quantities, longest lead time and
// validity. 按此报价下单 under a quote accepts it (supplier_quote.accept makes the
// purchase order from it and the requisition is done); 不按报价直接下单 goes on
// with the requisition's own 生成采购订单. Without any received quote the
// dialog steps aside at once.
#pragma once

#include "net/session.h"

#include <QCborMap>
#include <QDialog>
#include <QHash>

class QLabel;
class QPushButton;
class QTableWidget;

namespace liuhe::purchase {

class QuoteComparisonDialog : public QDialog {
    Q_OBJECT
public:
    QuoteComparisonDialog(client::Session &session, qint64 requisitionId, const QString &number, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QString summaryText() const;
    // The 按此报价下单 button of a quote (null if the quote is not shown).
    QPushButton *orderButton(qint64 quoteId) const { return m_orderButtons.value(quoteId); }
    // The purchase order made from a quote here (0: none).
    qint64 orderId() const { return m_orderId; }

Q_SIGNALS:
    void loaded(bool ok);

private:
    void showAnswer(const QCborMap &answer);
    void orderFrom(qint64 quoteId, qint64 version);
    void setSummary(const QString &text, bool error);

    client::Session &m_session;
    QLabel *m_summary;
    QTableWidget *m_table;
    QPushButton *m_withoutQuote;
    QHash<qint64, QPushButton *> m_orderButtons;
    qint64 m_orderId = 0;
};

// Shows the comparison before purchase_requisition.create_order (once at start-up);
// an order made from a quote opens in the main window.
void registerQuoteComparison();

} // namespace liuhe::purchase
