#include "app/desktop/commands/remove_step_command.h"

#include "app/desktop/document/document.h"
#include "app/desktop/util/qt_convert.h"

namespace preplab::desktop {

RemoveStepCommand::RemoveStepCommand(Document* document, int index)
    : m_document(document), m_index(index), m_step(document->step(index))
{
    setText(QObject::tr("Delete step %1 (%2)").arg(index + 1).arg(toQString(m_step.value("op", std::string()))));
}

void RemoveStepCommand::redo() { m_step = m_document->takeStep(m_index); }

void RemoveStepCommand::undo() { m_document->insertStep(m_index, m_step); }

} // namespace preplab::desktop
