#include "app/desktop/commands/set_step_enabled_command.h"

#include "app/desktop/document/document.h"

namespace preplab::desktop {

SetStepEnabledCommand::SetStepEnabledCommand(Document* document, int index, bool enabled)
    : QUndoCommand(enabled ? QObject::tr("Enable step %1").arg(index + 1) : QObject::tr("Disable step %1").arg(index + 1)),
      m_document(document), m_index(index), m_enabled(enabled)
{
}

void SetStepEnabledCommand::apply(bool enabled)
{
    nlohmann::json step = m_document->step(m_index);
    if (enabled)
        step.erase("enabled");  // the default: keep the saved recipe minimal
    else
        step["enabled"] = false;
    m_document->replaceStep(m_index, std::move(step));
}

void SetStepEnabledCommand::redo() { apply(m_enabled); }

void SetStepEnabledCommand::undo() { apply(!m_enabled); }

} // namespace preplab::desktop
