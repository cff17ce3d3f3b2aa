// Merge ids of the undo commands that merge (QUndoCommand::id): one enum, so that no two
// commands share an id by accident. A slider drag sends many EditStepCommands with the same
// step and field; they merge into one undo step.
#pragma once

namespace preplab::desktop {

enum CommandId {
    EditStepFieldId = 1,
};

} // namespace preplab::desktop
