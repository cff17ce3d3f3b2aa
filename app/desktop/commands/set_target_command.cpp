#include "app/desktop/commands/set_target_command.h"

#include "app/desktop/document/document.h"
#include "app/desktop/util/qt_convert.h"

namespace preplab::desktop {

SetTargetCommand::SetTargetCommand(Document* document, std::string target)
    : m_document(document), m_old(document->target()), m_new(std::move(target))
{
    setText(m_new.empty() ? QObject::tr("Clear the target") : QObject::tr("Set the target to %1").arg(toQString(m_new)));
}

void SetTargetCommand::redo() { m_document->setTarget(m_new); }

void SetTargetCommand::undo() { m_document->setTarget(m_old); }

} // namespace preplab::desktop
