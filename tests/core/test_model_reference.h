// Helpers for the model tests: load the reference JSON written by tests/tools/gen_model_reference.py
// (scikit-learn 1.2.1) from tests/data/model/ and turn its arrays into Eigen / std types.
#pragma once

#include <Eigen/Core>
#include <nlohmann/json.hpp>

#include <fstream>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace preplab::testref {

inline nlohmann::json loadModelReference(const std::string& name)
{
    std::ifstream in(std::string(PREPLAB_TEST_DATA_DIR) + "/model/" + name);
    if (!in)
        throw std::runtime_error("missing reference file tests/data/model/" + name);
    return nlohmann::json::parse(in);
}

inline double number(const nlohmann::json& v)
{
    if (v.is_string()) {
        auto s = v.get<std::string>();
        return s == "inf" ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
    }
    return v.get<double>();
}

inline std::vector<double> doubles(const nlohmann::json& a)
{
    std::vector<double> out;
    for (const auto& v : a)
        out.push_back(number(v));
    return out;
}

inline std::vector<int> ints(const nlohmann::json& a)
{
    return a.get<std::vector<int>>();
}

inline std::vector<std::size_t> indices(const nlohmann::json& a)
{
    return a.get<std::vector<std::size_t>>();
}

inline Eigen::MatrixXd matrix(const nlohmann::json& a)
{
    Eigen::MatrixXd m(static_cast<Eigen::Index>(a.size()), a.empty() ? 0 : static_cast<Eigen::Index>(a[0].size()));
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        for (Eigen::Index j = 0; j < m.cols(); ++j)
            m(i, j) = number(a[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)]);
    return m;
}

inline Eigen::VectorXd vector(const nlohmann::json& a)
{
    auto d = doubles(a);
    return Eigen::Map<Eigen::VectorXd>(d.data(), static_cast<Eigen::Index>(d.size()));
}

} // namespace preplab::testref
