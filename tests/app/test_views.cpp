// The recipe views: the step picker's search, and the step editor turning widget edits into
// undo commands.
#include "app_test_support.h"

#include "app/desktop/commands/add_step_command.h"
#include "app/desktop/document/document.h"
#include "app/desktop/document/op_fields.h"
#include "app/desktop/views/step_editor.h"
#include "app/desktop/views/step_picker.h"
#include "core/ops/registry.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSlider>

using namespace preplab;
using namespace preplab::desktop;

TEST_CASE("StepPicker: lists every registered op and filters as the user types", "[app][views]")
{
    StepPicker picker;
    CHECK(picker.visibleOpCount() == static_cast<int>(ops::allOps().size()));
    picker.setFilter(QStringLiteral("missing"));
    CHECK(picker.visibleOpCount() >= 1);
    CHECK(picker.visibleOpCount() < static_cast<int>(ops::allOps().size()) + 1);
    picker.setFilter(QStringLiteral("no op is called this"));
    CHECK(picker.visibleOpCount() == 0);
    picker.setFilter(QString());
    CHECK(picker.visibleOpCount() == static_cast<int>(ops::allOps().size()));
}

TEST_CASE("StepEditor: a choice edit is one undo command", "[app][views]")
{
    Document document(QStringLiteral("small.csv"), testing::smallTable());
    document.undoStack()->push(new AddStepCommand(&document, 0, {{"op", "drop_missing"}}, QStringLiteral("add")));
    StepEditor editor;
    editor.setDocument(&document);
    editor.setColumns({QStringLiteral("x"), QStringLiteral("g"), QStringLiteral("n")});
    QComboBox* axis = nullptr;
    for (auto* combo : editor.findChildren<QComboBox*>())
        if (combo->findText(QStringLiteral("columns")) >= 0)
            axis = combo;
    REQUIRE(axis);
    CHECK(axis->currentText() == QStringLiteral("rows"));
    axis->setCurrentIndex(axis->findText(QStringLiteral("columns")));
    CHECK(document.step(0)["axis"] == "columns");
    CHECK(document.undoStack()->count() == 2);
    document.undoStack()->undo();
    CHECK_FALSE(document.step(0).contains("axis"));
}

TEST_CASE("StepEditor: dragging a slider is a single undo step", "[app][views]")
{
    Document document(QStringLiteral("small.csv"), testing::smallTable());
    document.undoStack()->push(new AddStepCommand(&document, 0, {{"op", "drop_missing"}, {"axis", "columns"}}, QStringLiteral("add")));
    StepEditor editor;
    editor.setDocument(&document);
    auto sliders = editor.findChildren<QSlider*>();
    REQUIRE(sliders.size() == 1);  // min_present, a share in [0, 1]
    QSlider* slider = sliders.front();
    for (int v = 1; v <= 10; ++v)
        slider->setValue(v);
    CHECK(document.undoStack()->count() == 2);
    CHECK_THAT(document.step(0)["min_present"].get<double>(), Catch::Matchers::WithinAbs(0.5, 1e-9));
    document.undoStack()->undo();
    CHECK_FALSE(document.step(0).contains("min_present"));
}

TEST_CASE("OpFields: labels and fitted parameters in words", "[app][views]")
{
    CHECK(stepLabel({{"op", "no_such_op"}}) == "no_such_op");
    CHECK(stepLabel({{"op", "x"}, {"strategy", "median"}, {"columns", {"a", "b", "c"}}}) == "x (median): a, b, +1");
    CHECK(fittedInWords(nullptr).empty());
    CHECK(fittedInWords({{"bill_length_mm", {{"median", 44.45}}}}) == "bill_length_mm: median 44.45");
    nlohmann::json many = nlohmann::json::array();
    for (int i = 0; i < 10; ++i)
        many.push_back(i);
    CHECK(fittedInWords({{"edges", many}}) == "edges: [0, 1, 2, 3, 4, 5, 6, 7, … 2 more]");
    for (const auto& info : ops::allOps())
        CHECK(newStep(std::string(info.name))["op"] == info.name);
}
