#include "compiler.hpp"
#include "evaluation.hpp"
#include "json_value.hpp"
#include "node.hpp"
#include "registry_data.hpp"
#include "uri.hpp"

#include <kensa/validate/json_schema.hpp>

#include <cstdint>
#include <utility>

namespace kensa::validate {

std::string_view to_string(SchemaFindingKind kind) {
  switch (kind) {
  case SchemaFindingKind::invalid:
    return "invalid";
  case SchemaFindingKind::unsupported:
    return "unsupported";
  case SchemaFindingKind::limit:
    return "limit";
  }
  return "invalid";
}

SchemaRegistry::SchemaRegistry(SchemaDialect default_dialect)
    : m_data(std::make_unique<schema::RegistryData>()) {
  m_data->default_dialect = default_dialect;
}

SchemaRegistry::~SchemaRegistry() = default;
SchemaRegistry::SchemaRegistry(SchemaRegistry&&) noexcept = default;
SchemaRegistry& SchemaRegistry::operator=(SchemaRegistry&&) noexcept = default;

Status SchemaRegistry::add(std::string_view uri, kensa::json::Document schema) {
  if (!schema.root().is_object() && !schema.root().is_boolean()) {
    return fail("a schema must be a JSON object or boolean: " + std::string(uri));
  }
  if (!schema::split_uri(uri).scheme) {
    return fail("a schema needs an absolute URI, not " + std::string(uri));
  }
  m_data->documents.push_back(std::make_shared<const kensa::json::Document>(std::move(schema)));
  auto status = m_data->index(m_data->documents.back()->root(), std::string(uri));
  if (!status) {
    m_data->documents.pop_back();
  }
  return status;
}

Status SchemaRegistry::add_text(std::string_view uri, std::string_view text) {
  auto schema = kensa::json::Document::parse(text);
  if (!schema) {
    return fail("the schema " + std::string(uri) + " is not valid JSON: " + schema.error());
  }
  return add(uri, std::move(*schema));
}

Status SchemaRegistry::add_alias(std::string_view alias, std::string_view uri) {
  const auto target = m_data->resources.find(std::string(schema::strip_fragment(uri)));
  if (target == m_data->resources.end()) {
    return fail("no schema is registered as " + std::string(uri));
  }
  const auto [it, inserted] =
      m_data->resources.emplace(std::string(schema::strip_fragment(alias)), target->second);
  if (!inserted && it->second.address() != target->second.address()) {
    return fail("the schema URI " + std::string(alias) + " is already registered");
  }
  return ok_status();
}

bool SchemaRegistry::contains(std::string_view uri) const {
  return m_data->resources.contains(std::string(schema::strip_fragment(uri)));
}

Result<CompiledSchema> SchemaRegistry::compile(std::string_view uri,
                                               const SchemaOptions& options) const {
  auto tree = std::make_shared<schema::CompiledTree>();
  tree->uri = std::string(uri);
  auto status = schema::compile_schema(*m_data, uri, options, *tree);
  if (!status) {
    return fail(status.error());
  }
  CompiledSchema compiled;
  compiled.m_tree = std::move(tree);
  return compiled;
}

const std::string& CompiledSchema::uri() const {
  return m_tree->uri;
}

const std::vector<SchemaFinding>& CompiledSchema::schema_warnings() const {
  return m_tree->warnings;
}

namespace {

// Documents nested at most this deep are validated on the caller's thread;
// deeper ones on a thread with a stack sized for them.
constexpr std::size_t k_inline_depth = 64;
// Stack per level of nesting on the dedicated thread: several evaluation
// frames each, more under sanitizers.
constexpr std::size_t k_stack_per_level = 16 * 1024;

struct Job {
  const schema::CompiledTree* tree;
  const kensa::json::Value* instance;
  const SchemaLimits* limits;
  SchemaValidation* result;
  // Whether big arrays may be split with a second thread (whose stack is
  // an ordinary one): only for shallow documents.
  bool allow_split = false;
  bool valid = false;
};

void run_job(Job& job) {
  const char* limit = schema::current_stack_limit();
  schema::Evaluation evaluation(*job.tree, *job.limits, *job.result, limit);
  evaluation.allow_split(job.allow_split);
  job.valid = evaluation.evaluate(*job.tree->root, *job.instance, nullptr);
}

void* thread_main(void* argument) {
  run_job(*static_cast<Job*>(argument));
  return nullptr;
}

// Runs the job on a new thread whose stack fits `depth` levels. Falls back
// to the calling thread (still guarded) when no thread can be made.
void run_job_with_stack(Job& job, std::size_t depth) {
  pthread_attr_t attributes;
  if (pthread_attr_init(&attributes) != 0) {
    run_job(job);
    return;
  }
  const std::size_t stack_size = schema::k_stack_reserve * 4 + depth * k_stack_per_level;
  pthread_t thread;
  const bool started = pthread_attr_setstacksize(&attributes, stack_size) == 0 &&
                       pthread_create(&thread, &attributes, thread_main, &job) == 0;
  pthread_attr_destroy(&attributes);
  if (!started) {
    run_job(job);
    return;
  }
  pthread_join(thread, nullptr);
}

} // namespace

SchemaValidation CompiledSchema::validate(const kensa::json::Value& instance,
                                          const SchemaLimits& limits) const {
  SchemaValidation result;
  const std::size_t depth = schema::json_depth(instance, limits.max_depth);
  if (depth > limits.max_depth) {
    SchemaFinding finding;
    finding.kind = SchemaFindingKind::limit;
    finding.keyword_location = m_tree->uri;
    finding.message = "the document nests deeper than " + std::to_string(limits.max_depth) +
                      " levels; it was not validated";
    result.findings.push_back(std::move(finding));
    result.valid = false;
    return result;
  }
  Job job{m_tree.get(), &instance, &limits, &result};
  if (depth <= k_inline_depth) {
    job.allow_split = limits.split_big_arrays;
    run_job(job);
  } else {
    run_job_with_stack(job, depth);
  }
  result.valid = job.valid;
  for (const auto& finding : result.findings) {
    if (finding.kind != SchemaFindingKind::unsupported) {
      result.valid = false;
      break;
    }
  }
  if (!job.valid && result.valid) {
    // Every failing keyword reports; this only guards the verdict.
    SchemaFinding finding;
    finding.keyword_location = m_tree->uri;
    finding.message = "the document does not match the schema";
    result.findings.push_back(std::move(finding));
    result.valid = false;
  }
  return result;
}

std::string resolve_schema_uri(std::string_view base, std::string_view reference) {
  return schema::resolve_uri(base, reference);
}

} // namespace kensa::validate
