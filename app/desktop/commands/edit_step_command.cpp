#include "app/desktop/commands/edit_step_command.h"

#include "app/desktop/commands/command_ids.h"
#include "app/desktop/document/document.h"
#include "app/desktop/util/qt_convert.h"

namespace preplab::desktop {

EditStepCommand::EditStepCommand(Document* document, int index, std::string field, nlohmann::json value)
    : m_document(document), m_index(index), m_field(std::move(field)), m_new(std::move(value))
{
    const nlohmann::json& step = document->step(index);
    auto it = step.find(m_field);
    m_old = it == step.end() ? nlohmann::json() : *it;
    setText(QObject::tr("Change %1 of step %2").arg(toQString(m_field)).arg(index + 1));
}

void EditStepCommand::apply(const nlohmann::json& value)
{
    nlohmann::json step = m_document->step(m_index);
    if (value.is_null())
        step.erase(m_field);
    else
        step[m_field] = value;
    m_document->replaceStep(m_index, std::move(step));
}

void EditStepCommand::redo() { apply(m_new); }

void EditStepCommand::undo() { apply(m_old); }

int EditStepCommand::id() const { return EditStepFieldId; }

bool EditStepCommand::mergeWith(const QUndoCommand* other)
{
    const auto* edit = static_cast<const EditStepCommand*>(other);
    if (edit->m_document != m_document || edit->m_index != m_index || edit->m_field != m_field)
        return false;
    m_new = edit->m_new;
    if (m_new == m_old)
        setObsolete(true);  // dragged back to where it started: nothing to undo
    return true;
}

} // namespace preplab::desktop
