#include "views/attachments_panel.h"

#include "domain/attachment_rules.h"
#include "domain/chinese_format.h"
#include "views/attachment_files.h"
#include "views/error_text.h"

#include <QCborArray>
#include <QCryptographicHash>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QMimeDatabase>
#include <QPushButton>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QUrl>
#include <QUuid>
#include <QVBoxLayout>

namespace liuhe::views {

using protocol::CallError;
using protocol::ErrorCode;
using protocol::Reply;

namespace {

enum Column { NameColumn, SizeColumn, UploaderColumn, TimeColumn };
constexpr int kIdRole = Qt::UserRole;

QString sha256Hex(const QByteArray &content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

QStringList localFiles(const QMimeData *mime)
{
    QStringList out;
    if (!mime || !mime->hasUrls()) return out;
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile()) out << url.toLocalFile();
    return out;
}

} // namespace

AttachmentsPanel::AttachmentsPanel(client::Session &session, const schema::Entity &entity, QWidget *parent)
    : QWidget(parent), m_session(session), m_entity(entity), m_maxBytes(attachments::kDefaultMaxBytes)
{
    setAcceptDrops(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 0, 0);
    layout->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Attachments")), this));
    m_view = new QTreeWidget(this);
    m_view->setObjectName(QStringLiteral("attachmentList"));
    m_view->setHeaderLabels({tr("File name"), tr("Size"), tr("Uploaded by"), tr("Uploaded at")});
    m_view->setRootIsDecorated(false);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int c : {SizeColumn, UploaderColumn, TimeColumn}) m_view->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_view->installEventFilter(this);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color: #757575;"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("attachmentMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("&Add…"), this);
    m_open = new QPushButton(tr("&Open"), this);
    m_saveAs = new QPushButton(tr("Save &to…"), this);
    m_delete = new QPushButton(tr("De&lete"), this);
    for (auto *b : {m_add, m_open, m_saveAs, m_delete}) buttons->addWidget(b);
    buttons->addStretch();
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_hint);
    layout->addWidget(m_message);

    connect(m_add, &QPushButton::clicked, this, &AttachmentsPanel::chooseFiles);
    connect(m_open, &QPushButton::clicked, this, [this] { openAttachment(m_view->currentIndex().row()); });
    connect(m_saveAs, &QPushButton::clicked, this, [this] { saveAttachmentAs(m_view->currentIndex().row()); });
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteAttachment(m_view->currentIndex().row()); });
    connect(m_view, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) { openAttachment(m_view->indexOfTopLevelItem(item)); });
    connect(m_view, &QTreeWidget::currentItemChanged, this, &AttachmentsPanel::updateButtons);
    m_session.subscribe(m_entity.name);
    m_subscribed = &m_session;
    connect(&m_session, &client::Session::eventReceived, this, [this](const QString &event, const QCborMap &data) {
        if (event == QLatin1String("record.changed") && m_id && data.value(QStringLiteral("entity")).toString() == m_entity.name
            && data.value(QStringLiteral("id")).toInteger() == m_id && data.value(QStringLiteral("kind")).toString().startsWith(QLatin1String("attachment_")))
            refresh();
    });
    setRecord(0);
}

AttachmentsPanel::~AttachmentsPanel()
{
    // A window deleted later may outlive the session that opened it.
    if (m_subscribed) m_subscribed->unsubscribe(m_entity.name);
}

void AttachmentsPanel::setRecord(qint64 id)
{
    if (id != m_id) {
        m_view->clear();
        setMessage(QString(), false);
    }
    m_id = id;
    m_mayChange = m_id && m_session.permissions().can(m_entity.name, QStringLiteral("write"));
    m_hint->setText(!m_id ? tr("Save the record first, then add attachments.")
                          : m_mayChange ? tr("Drop files here to attach them.") : QString());
    m_hint->setVisible(!m_hint->text().isEmpty());
    updateButtons();
    refresh();
}

void AttachmentsPanel::refresh()
{
    if (!m_id) return;
    const qint64 id = m_id;
    m_session.call(QStringLiteral("attachment.list"), QCborMap{{QStringLiteral("entity"), m_entity.name}, {QStringLiteral("id"), id}}, this,
                   [this, id](const Reply &r) {
                       if (id != m_id) return; // the form moved on to another record
                       if (!r.isOk()) {
                           setMessage(errorMessage(r.error()), true);
                           return;
                       }
                       showItems(r.value().toMap());
                       Q_EMIT refreshed();
                   });
}

void AttachmentsPanel::showItems(const QCborMap &result)
{
    m_maxBytes = result.value(QStringLiteral("max_bytes")).toInteger(attachments::kDefaultMaxBytes);
    const qint64 current = attachmentId(m_view->currentIndex().row());
    m_view->clear();
    for (const auto &v : result.value(QStringLiteral("items")).toArray()) {
        const QCborMap a = v.toMap();
        auto *item = new QTreeWidgetItem(m_view);
        item->setText(NameColumn, a.value(QStringLiteral("file_name")).toString());
        item->setText(SizeColumn, fileSizeText(a.value(QStringLiteral("size")).toInteger()));
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(UploaderColumn, a.value(QStringLiteral("uploader")).toString());
        item->setText(TimeColumn, formatDateTime(fromWireDateTime(a.value(QStringLiteral("uploaded_at")).toString())));
        item->setToolTip(NameColumn, item->text(NameColumn) + u'\n' + a.value(QStringLiteral("mime")).toString());
        item->setData(NameColumn, kIdRole, a.value(QStringLiteral("id")).toInteger());
        if (item->data(NameColumn, kIdRole).toLongLong() == current) m_view->setCurrentItem(item);
    }
    if (!m_view->currentItem() && m_view->topLevelItemCount()) m_view->setCurrentItem(m_view->topLevelItem(0));
    updateButtons();
}

void AttachmentsPanel::chooseFiles()
{
    if (!m_id) return;
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Add attachments"));
    for (const QString &f : files) addFile(f);
}

void AttachmentsPanel::addFile(const QString &path)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (!m_id) {
        setMessage(tr("Save the record first, then add attachments."), true);
        return;
    }
    if (!attachments::fileNameProblem(name).isEmpty()) {
        setMessage(tr("The file name %1 cannot be used: it may not contain path separators or control characters.").arg(name), true);
        return;
    }
    if (info.size() > m_maxBytes) {
        setMessage(tr("%1 is too large (%2): attachments may be at most %3.").arg(name, fileSizeText(info.size()), fileSizeText(m_maxBytes)), true);
        return;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setMessage(tr("Cannot read %1: %2").arg(name, file.errorString()), true);
        return;
    }
    const QByteArray content = file.readAll();
    if (content.isEmpty()) {
        setMessage(tr("%1 is empty; nothing was added.").arg(name), true);
        return;
    }
    const QCborMap args{{QStringLiteral("entity"), m_entity.name},
                        {QStringLiteral("id"), m_id},
                        {QStringLiteral("file_name"), name},
                        {QStringLiteral("mime"), QMimeDatabase().mimeTypeForFileNameAndData(name, content).name()},
                        {QStringLiteral("content"), content},
                        {QStringLiteral("sha256"), sha256Hex(content)}};
    setMessage(tr("Uploading %1…").arg(name), false);
    m_session.call(QStringLiteral("attachment.upload"), args, this, [this, name](const Reply &r) {
        if (!r.isOk()) {
            setMessage(uploadErrorText(name, r.error()), true);
            return;
        }
        setMessage(tr("Added %1.").arg(name), false);
        Q_EMIT uploaded(r.value().toMap().value(QStringLiteral("id")).toInteger());
        refresh();
    }, QUuid::createUuid().toString(QUuid::WithoutBraces));
}

QString AttachmentsPanel::uploadErrorText(const QString &fileName, const CallError &error) const
{
    switch (error.code()) {
    case ErrorCode::Limit:
        return tr("%1 is too large: attachments may be at most %2.")
            .arg(fileName, fileSizeText(error.details().value(QStringLiteral("max_bytes")).toInteger(m_maxBytes)));
    case ErrorCode::PermissionDenied: return tr("You may not change the attachments of this record.");
    case ErrorCode::Validation:
        for (const auto &p : error.fields()) {
            if (p.field == QLatin1String("content")) return tr("%1 is empty; nothing was added.").arg(fileName);
            if (p.field == QLatin1String("sha256")) return tr("%1 arrived damaged; please add it again.").arg(fileName);
        }
        return tr("The file name %1 cannot be used: it may not contain path separators or control characters.").arg(fileName);
    default: return errorMessage(error);
    }
}

void AttachmentsPanel::download(int row, std::function<void(const QCborMap &)> then)
{
    const qint64 id = attachmentId(row);
    if (!id) return;
    setMessage(tr("Downloading %1…").arg(fileName(row)), false);
    m_session.call(QStringLiteral("attachment.download"), QCborMap{{QStringLiteral("entity"), m_entity.name}, {QStringLiteral("attachment_id"), id}}, this,
                   [this, then](const Reply &r) {
                       if (!r.isOk()) {
                           setMessage(errorMessage(r.error()), true);
                           if (r.error().code() == ErrorCode::NotFound) refresh();
                           return;
                       }
                       const QCborMap a = r.value().toMap();
                       if (sha256Hex(a.value(QStringLiteral("content")).toByteArray()) != a.value(QStringLiteral("sha256")).toString()) {
                           setMessage(tr("%1 arrived damaged; please try again.").arg(a.value(QStringLiteral("file_name")).toString()), true);
                           return;
                       }
                       setMessage(QString(), false);
                       then(a);
                   });
}

void AttachmentsPanel::openAttachment(int row)
{
    download(row, [this](const QCborMap &a) {
        const QString path = temporaryCopyPath(a.value(QStringLiteral("id")).toInteger(), a.value(QStringLiteral("file_name")).toString());
        QString error;
        if (!writeLocalFile(path, a.value(QStringLiteral("content")).toByteArray(), &error)) {
            setMessage(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), error), true);
            return;
        }
        Q_EMIT fileWritten(path);
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
            setMessage(tr("No program is set up to open %1. Use Save as instead.").arg(QFileInfo(path).fileName()), true);
    });
}

void AttachmentsPanel::saveAttachmentAs(int row, const QString &givenPath)
{
    if (!attachmentId(row)) return;
    QString path = givenPath;
    if (path.isEmpty()) {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
        path = QFileDialog::getSaveFileName(this, tr("Save attachment as"), QDir(folder).filePath(safeLocalFileName(fileName(row))));
        if (path.isEmpty()) return;
    }
    download(row, [this, path](const QCborMap &a) {
        QString error;
        if (!writeLocalFile(path, a.value(QStringLiteral("content")).toByteArray(), &error)) {
            setMessage(tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), error), true);
            return;
        }
        setMessage(tr("Saved to %1.").arg(QDir::toNativeSeparators(path)), false);
        Q_EMIT fileWritten(path);
    });
}

void AttachmentsPanel::deleteAttachment(int row)
{
    const qint64 id = attachmentId(row);
    if (!id || !m_mayChange) return;
    const QString name = fileName(row);
    QMessageBox box(QMessageBox::Question, tr("Delete attachment"), tr("Delete %1? Nobody will see it on this record any more.").arg(name),
                    QMessageBox::NoButton, this);
    QPushButton *yes = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    QPushButton *no = box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(no);
    box.exec();
    if (box.clickedButton() != yes) return;
    m_session.call(QStringLiteral("attachment.delete"), QCborMap{{QStringLiteral("entity"), m_entity.name}, {QStringLiteral("attachment_id"), id}}, this,
                   [this, id, name](const Reply &r) {
                       if (!r.isOk()) {
                           setMessage(r.error().code() == ErrorCode::PermissionDenied ? tr("You may not change the attachments of this record.")
                                                                                       : errorMessage(r.error()),
                                      true);
                           return;
                       }
                       setMessage(tr("Deleted %1.").arg(name), false);
                       Q_EMIT deleted(id);
                       refresh();
                   },
                   QUuid::createUuid().toString(QUuid::WithoutBraces));
}

void AttachmentsPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_mayChange && !localFiles(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void AttachmentsPanel::dropEvent(QDropEvent *event)
{
    const QStringList files = localFiles(event->mimeData());
    if (!m_mayChange || files.isEmpty()) return;
    event->acceptProposedAction();
    for (const QString &f : files) addFile(f);
}

bool AttachmentsPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Delete) {
        deleteAttachment(m_view->currentIndex().row());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

int AttachmentsPanel::count() const { return m_view->topLevelItemCount(); }

QString AttachmentsPanel::fileName(int row) const
{
    const QTreeWidgetItem *item = m_view->topLevelItem(row);
    return item ? item->text(NameColumn) : QString();
}

qint64 AttachmentsPanel::attachmentId(int row) const
{
    const QTreeWidgetItem *item = row >= 0 ? m_view->topLevelItem(row) : nullptr;
    return item ? item->data(NameColumn, kIdRole).toLongLong() : 0;
}

QString AttachmentsPanel::messageText() const { return m_message->isHidden() ? QString() : m_message->text(); }

void AttachmentsPanel::setMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    m_message->setStyleSheet(error ? QStringLiteral("color: #B71C1C;") : QStringLiteral("color: #1B5E20;"));
    if (error && !text.isEmpty()) Q_EMIT failed(text);
}

void AttachmentsPanel::updateButtons()
{
    const bool selected = attachmentId(m_view->currentIndex().row()) != 0;
    m_add->setEnabled(m_mayChange);
    m_open->setEnabled(selected);
    m_saveAs->setEnabled(selected);
    m_delete->setEnabled(selected && m_mayChange);
}

} // namespace liuhe::views
