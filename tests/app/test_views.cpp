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
#include <QFormLayout>
#include <QLabel>
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

namespace {

// The label and field widget of the form row labelled `label` ("Neighbours").
std::pair<QLabel*, QWidget*> formRow(StepEditor& editor, const QString& label)
{
    for (auto* form : editor.findChildren<QFormLayout*>())
        for (int r = 0; r < form->rowCount(); ++r) {
            auto* l = form->itemAt(r, QFormLayout::LabelRole);
            auto* f = form->itemAt(r, QFormLayout::FieldRole);
            auto* labelWidget = l ? qobject_cast<QLabel*>(l->widget()) : nullptr;
            if (labelWidget && f && labelWidget->text() == label + QLatin1Char(':'))
                return {labelWidget, f->widget()};
        }
    return {nullptr, nullptr};
}

} // namespace

TEST_CASE("StepEditor: fields that do not apply to the chosen strategy are disabled", "[app][views]")
{
    Document document(QStringLiteral("small.csv"), testing::smallTable());
    document.undoStack()->push(new AddStepCommand(&document, 0, newStep("impute"), QStringLiteral("add")));
    StepEditor editor;
    editor.setDocument(&document);
    editor.setColumns({QStringLiteral("x"), QStringLiteral("g"), QStringLiteral("n")});
    auto [strategyLabel, strategyWidget] = formRow(editor, QStringLiteral("Strategy"));
    auto [neighboursLabel, neighbours] = formRow(editor, QStringLiteral("Neighbours"));
    auto [weightsLabel, weights] = formRow(editor, QStringLiteral("Weights"));
    auto [fillLabel, fill] = formRow(editor, QStringLiteral("Fill value"));
    REQUIRE(strategyWidget);
    REQUIRE(neighbours);
    REQUIRE(weights);
    REQUIRE(fill);
    auto* strategy = qobject_cast<QComboBox*>(strategyWidget);
    REQUIRE(strategy);
    CHECK(strategy->currentText() == QStringLiteral("median"));
    CHECK(strategyWidget->isEnabled());
    CHECK_FALSE(neighbours->isEnabled());
    CHECK_FALSE(neighboursLabel->isEnabled());
    CHECK_FALSE(weights->isEnabled());
    CHECK_FALSE(fill->isEnabled());
    CHECK(neighboursLabel->toolTip().contains(QStringLiteral("Applies only when Strategy is knn")));

    strategy->setCurrentIndex(strategy->findText(QStringLiteral("knn")));
    CHECK(document.step(0)["strategy"] == "knn");
    CHECK(neighbours->isEnabled());
    CHECK(weights->isEnabled());
    CHECK_FALSE(fill->isEnabled());

    strategy->setCurrentIndex(strategy->findText(QStringLiteral("median")));
    CHECK_FALSE(neighbours->isEnabled());
    // The recipe keeps only what was set: no defaults of disabled fields are written.
    CHECK(document.step(0) == nlohmann::json({{"op", "impute"}, {"strategy", "median"}}));

    strategy->setCurrentIndex(strategy->findText(QStringLiteral("constant")));
    CHECK(fill->isEnabled());
    CHECK_FALSE(neighbours->isEnabled());
}

TEST_CASE("OpFields: applies-when rules follow the method and n vs fraction", "[app][views]")
{
    auto field = [](const std::string& op, const std::string& name) -> const OpField& {
        for (const OpField& f : opFields(op))
            if (f.name == name)
                return f;
        FAIL("no field " << name);
        throw;
    };
    const nlohmann::json scale = {{"op", "scale"}};  // method defaults to standard
    CHECK(fieldApplies("scale", field("scale", "with_mean"), scale));
    CHECK_FALSE(fieldApplies("scale", field("scale", "feature_range"), scale));
    CHECK(fieldApplies("scale", field("scale", "feature_range"), {{"op", "scale"}, {"method", "minmax"}}));
    CHECK(fieldApplies("scale", field("scale", "quantile_range"), {{"op", "scale"}, {"method", "robust"}}));
    CHECK_FALSE(fieldApplies("scale", field("scale", "with_std"), {{"op", "scale"}, {"method", "maxabs"}}));
    CHECK(fieldApplies("clip_outliers", field("clip_outliers", "k"), {{"method", "zscore"}}));
    CHECK_FALSE(fieldApplies("clip_outliers", field("clip_outliers", "lower"), {{"method", "iqr"}}));
    CHECK(fieldApplies("transform", field("transform", "n_quantiles"), {{"method", "quantile_normal"}}));
    CHECK_FALSE(fieldApplies("transform", field("transform", "standardize"), {{"method", "log"}}));
    CHECK(fieldApplies("transform", field("transform", "standardize"), {{"method", "box_cox"}}));
    CHECK_FALSE(fieldApplies("sample", field("sample", "n"), newStep("sample")));  // fraction 0.5
    CHECK(fieldApplies("sample", field("sample", "fraction"), newStep("sample")));
    CHECK(fieldApplies("sample", field("sample", "n"), {{"op", "sample"}}));
    CHECK(appliesWhenText("sample", field("sample", "n")) == "Applies only when Fraction is not set");
    CHECK(appliesWhenText("transform", field("transform", "standardize")) ==
          "Applies only when Method is yeo_johnson or box_cox");
    CHECK(appliesWhenText("sample", field("sample", "seed")).empty());
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
