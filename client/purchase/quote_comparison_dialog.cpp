#include "purchase/quote_comparison_dialog.h"

#include "domain/money.h"
#include "domain/quantity.h"
#include "views/action_recovery.h"
#include "views/error_text.h"
#include "views/record_form.h"

#include <QCborArray>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace liuhe::purchase {

using protocol::Reply;

namespace {

constexpr int kOrderedFromQuote = 2; // the dialog's result when a quote was ordered
constexpr int kFirstQuoteColumn = 2;

QTableWidgetItem *cell(const QString &text, Qt::Alignment align = Qt::AlignRight | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(align);
    return item;
}

QString money(const QCborValue &fen) { return Money::fromFen(fen.toInteger()).toDisplayString(); }

} // namespace

QuoteComparisonDialog::QuoteComparisonDialog(client::Session &session, qint64 requisitionId, const QString &number, QWidget *parent)
    : QDialog(parent), m_session(session)
{
    setWindowTitle(tr("Compare quotes for %1").arg(number));
    resize(960, 440);
    auto *layout = new QVBoxLayout(this);
    m_summary = new QLabel(tr("Loading…"), this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    auto *legend = new QLabel(tr("✔ the lowest price of the product still on offer    ★ the cheapest quote that covers every product and is still valid"), this);
    legend->setStyleSheet(QStringLiteral("color:#555;"));
    layout->addWidget(legend);
    m_table = new QTableWidget(this);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(this);
    m_withoutQuote = buttons->addButton(tr("Order without a quote"), QDialogButtonBox::AcceptRole);
    m_withoutQuote->setObjectName(QStringLiteral("withoutQuote"));
    m_withoutQuote->setEnabled(false);
    buttons->addButton(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancel"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    session.call(QStringLiteral("purchase.compare_quotes"), QCborMap{{QStringLiteral("requisition_id"), requisitionId}}, this, [this](const Reply &r) {
        m_withoutQuote->setEnabled(true);
        if (!r.isOk()) {
            setSummary(views::errorMessage(r.error()), true); // the comparison is a help, not a gate
            Q_EMIT loaded(false);
            return;
        }
        showAnswer(r.value().toMap());
        Q_EMIT loaded(true);
    });
}

QString QuoteComparisonDialog::summaryText() const { return m_summary->text(); }

void QuoteComparisonDialog::setSummary(const QString &text, bool error)
{
    m_summary->setText(text);
    m_summary->setStyleSheet(error ? QStringLiteral("font-size: 13pt; font-weight: bold; color:#B71C1C;") : QStringLiteral("font-size: 13pt; font-weight: bold;"));
}

void QuoteComparisonDialog::showAnswer(const QCborMap &answer)
{
    const QCborArray products = answer.value(QStringLiteral("products")).toArray();
    const QCborArray quotes = answer.value(QStringLiteral("quotes")).toArray();
    if (quotes.isEmpty()) {
        accept(); // nothing to compare: the requisition orders as usual
        return;
    }
    const int summaryRows = 3; // total, lead time, valid until
    m_table->setRowCount(int(products.size()) + summaryRows + 1);
    m_table->setColumnCount(kFirstQuoteColumn + int(quotes.size()));
    QStringList headers{tr("Product"), tr("Quantity")};
    QString cheapestText;
    const bool mayOrder = m_session.permissions().can(QStringLiteral("supplier_quote"), QStringLiteral("accept"));
    for (int i = 0; i < products.size(); ++i) {
        const QCborMap p = products.at(i).toMap();
        m_table->setItem(i, 0, cell(QStringLiteral("%1 %2").arg(p.value(QStringLiteral("code")).toString(), p.value(QStringLiteral("name")).toString()),
                                    Qt::AlignLeft | Qt::AlignVCenter));
        m_table->setItem(i, 1, cell(Quantity::fromMilli(p.value(QStringLiteral("quantity")).toInteger()).toString(true)));
    }
    const int totalRow = int(products.size()), leadRow = totalRow + 1, validRow = totalRow + 2, buttonRow = totalRow + 3;
    QFont bold = m_table->font();
    bold.setBold(true);
    const auto label = [&](int row, const QString &text) {
        QTableWidgetItem *item = cell(text, Qt::AlignLeft | Qt::AlignVCenter);
        item->setFont(bold);
        m_table->setItem(row, 0, item);
    };
    label(totalRow, tr("Total for these quantities"));
    label(leadRow, tr("Longest lead time"));
    label(validRow, tr("Valid until"));
    const auto days = [](const QCborValue &v) { return v.isInteger() ? tr("%n day(s)", nullptr, int(v.toInteger())) : QStringLiteral("—"); };
    for (int q = 0; q < quotes.size(); ++q) {
        const QCborMap quote = quotes.at(q).toMap();
        const int column = kFirstQuoteColumn + q;
        const qint64 quoteId = quote.value(QStringLiteral("quote_id")).toInteger();
        const bool cheapest = quote.value(QStringLiteral("cheapest")).toBool();
        const bool expired = quote.value(QStringLiteral("expired")).toBool();
        const bool accepted = quote.value(QStringLiteral("state")).toString() == QLatin1String("done");
        QString header = QStringLiteral("%1\n%2").arg(quote.value(QStringLiteral("supplier")).toString(), quote.value(QStringLiteral("number")).toString());
        if (cheapest) header = QStringLiteral("★ ") + header;
        if (expired) header += QStringLiteral("\n") + tr("expired");
        else if (accepted) header += QStringLiteral("\n") + tr("accepted");
        headers << header;
        QHash<qint64, QCborMap> lines;
        for (const auto &l : quote.value(QStringLiteral("lines")).toArray()) lines.insert(l.toMap().value(QStringLiteral("product_id")).toInteger(), l.toMap());
        for (int i = 0; i < products.size(); ++i) {
            const qint64 product = products.at(i).toMap().value(QStringLiteral("product_id")).toInteger();
            if (!lines.contains(product)) {
                QTableWidgetItem *none = cell(tr("not quoted"));
                none->setForeground(QColor(0x9E, 0x9E, 0x9E));
                m_table->setItem(i, column, none);
                continue;
            }
            const QCborMap l = lines.value(product);
            const bool lowest = l.value(QStringLiteral("lowest_price")).toBool();
            QString text = money(l.value(QStringLiteral("price")));
            if (l.value(QStringLiteral("lead_days")).isInteger()) text += QStringLiteral(" · ") + days(l.value(QStringLiteral("lead_days")));
            QTableWidgetItem *item = cell(lowest ? QStringLiteral("✔ ") + text : text);
            item->setToolTip(tr("Amount for the quantity asked: %1").arg(money(l.value(QStringLiteral("amount")))));
            if (lowest) {
                item->setFont(bold);
                item->setBackground(QColor(0xE8, 0xF5, 0xE9));
                item->setForeground(QColor(0x1B, 0x5E, 0x20));
            }
            m_table->setItem(i, column, item);
        }
        QTableWidgetItem *total = cell(quote.value(QStringLiteral("missing")).toArray().isEmpty() ? money(quote.value(QStringLiteral("total")))
                                                                                                 : tr("%1 (incomplete)").arg(money(quote.value(QStringLiteral("total")))));
        total->setFont(bold);
        if (cheapest) total->setBackground(QColor(0xE8, 0xF5, 0xE9));
        m_table->setItem(totalRow, column, total);
        m_table->setItem(leadRow, column, cell(days(quote.value(QStringLiteral("lead_days")))));
        m_table->setItem(validRow, column, cell(quote.value(QStringLiteral("valid_until")).isString() ? quote.value(QStringLiteral("valid_until")).toString()
                                                                                                      : QStringLiteral("—")));
        auto *order = new QPushButton(tr("Order from this quote"), m_table);
        order->setObjectName(QStringLiteral("order_%1").arg(quoteId));
        order->setEnabled(mayOrder && !accepted && !expired);
        const qint64 version = quote.value(QStringLiteral("version")).toInteger();
        connect(order, &QPushButton::clicked, this, [this, quoteId, version] { orderFrom(quoteId, version); });
        m_table->setCellWidget(buttonRow, column, order);
        m_orderButtons.insert(quoteId, order);
        if (cheapest) {
            cheapestText = tr("cheapest for these quantities: %1, %2").arg(quote.value(QStringLiteral("supplier")).toString(), money(quote.value(QStringLiteral("total"))));
        }
    }
    m_table->setHorizontalHeaderLabels(headers);
    m_table->resizeRowsToContents();
    // The suppliers share the spare width; product and quantity take what they need.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    setSummary(tr("%n quote(s) received", nullptr, int(quotes.size())) + QStringLiteral("；")
                   + (cheapestText.isEmpty() ? tr("none quotes every product and is still valid.") : cheapestText + QStringLiteral("。")),
               false);
}

void QuoteComparisonDialog::orderFrom(qint64 quoteId, qint64 version)
{
    for (QPushButton *b : std::as_const(m_orderButtons)) b->setEnabled(false);
    const QCborMap call{{QStringLiteral("entity"), QStringLiteral("supplier_quote")}, {QStringLiteral("id"), quoteId},
                        {QStringLiteral("action"), QStringLiteral("accept")}, {QStringLiteral("version"), version}, {QStringLiteral("args"), QCborMap()}};
    m_session.call(QStringLiteral("doc.action"), call, this, [this](const Reply &r) {
        if (!r.isOk()) {
            setSummary(views::errorMessage(r.error()), true);
            return;
        }
        m_orderId = r.value().toMap().value(QStringLiteral("action_result")).toMap().value(QStringLiteral("order_id")).toInteger();
        done(kOrderedFromQuote);
    });
}

void registerQuoteComparison()
{
    views::setActionCheck(QStringLiteral("purchase_requisition"), QStringLiteral("create_order"), [](QWidget *parent, client::Session &session, const QCborMap &record) {
        QuoteComparisonDialog dialog(session, record.value(QStringLiteral("id")).toInteger(), record.value(QStringLiteral("number")).toString(), parent);
        const int result = dialog.exec();
        if (result != kOrderedFromQuote) return result == QDialog::Accepted;
        // Ordered from a quote: the requisition is done, and the order opens.
        if (auto *form = qobject_cast<views::RecordForm *>(parent)) {
            form->load();
            Q_EMIT form->openRequested(QStringLiteral("purchase_order"), dialog.orderId());
        }
        return false;
    });
}

} // namespace liuhe::purchase
