#include "app/desktop/commands/move_step_command.h"

#include "app/desktop/document/document.h"

namespace preplab::desktop {

MoveStepCommand::MoveStepCommand(Document* document, int from, int to)
    : QUndoCommand(QObject::tr("Move step %1 to position %2").arg(from + 1).arg(to + 1)), m_document(document),
      m_from(from), m_to(to)
{
}

void MoveStepCommand::redo() { m_document->moveStep(m_from, m_to); }

void MoveStepCommand::undo() { m_document->moveStep(m_to, m_from); }

} // namespace preplab::desktop
