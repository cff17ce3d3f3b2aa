#include "app/desktop/commands/add_step_command.h"

#include "app/desktop/document/document.h"

namespace preplab::desktop {

AddStepCommand::AddStepCommand(Document* document, int index, nlohmann::json step, const QString& text)
    : QUndoCommand(text), m_document(document), m_index(index), m_step(std::move(step))
{
}

void AddStepCommand::redo() { m_document->insertStep(m_index, m_step); }

void AddStepCommand::undo() { m_step = m_document->takeStep(m_index); }

} // namespace preplab::desktop
