#include "views/conflict_dialog.h"

#include "views/field_format.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace liuhe::views {

ConflictDialog::ConflictDialog(const QList<Item> &items, QWidget *parent) : QDialog(parent), m_items(items)
{
    setWindowTitle(tr("Changed by someone else"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("While you were editing, someone else saved different values for these fields. "
                                "Choose for each which value to keep. Your other changes are kept as they are."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Field")), this), 0, 0);
    grid->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Your value")), this), 0, 1);
    grid->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Saved by someone else")), this), 0, 2);
    for (int i = 0; i < items.size(); ++i) {
        const Item &it = items[i];
        QString label = fieldLabel(*it.field);
        if (it.line) label += tr(" (line)");
        grid->addWidget(new QLabel(label, this), i + 1, 0);
        auto *mine = new QRadioButton(it.mineText.isEmpty() ? tr("(empty)") : it.mineText, this);
        auto *theirs = new QRadioButton(it.theirsText.isEmpty() ? tr("(empty)") : it.theirsText, this);
        mine->setChecked(true);
        auto *group = new QButtonGroup(this);
        group->addButton(mine, 1);
        group->addButton(theirs, 0);
        m_choices << group;
        grid->addWidget(mine, i + 1, 1);
        grid->addWidget(theirs, i + 1, 2);
    }
    layout->addLayout(grid);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Save with these values"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Keep editing"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

bool ConflictDialog::keepsMine(int index) const { return m_choices.value(index) && m_choices[index]->checkedId() == 1; }

void ConflictDialog::choose(int index, bool mine)
{
    if (auto *group = m_choices.value(index)) group->button(mine ? 1 : 0)->setChecked(true);
}

} // namespace liuhe::views
