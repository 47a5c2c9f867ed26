// Bookmark upserts in PostgreSQL, set-based: a batch costs three round trips for its new rows (insert
// them, create their tags, link them) plus two or three per existing row that is overwritten or
// merged, instead of three per bookmark.
#include <map>
#include <set>
#include <unordered_map>

#include "store/postgres_store_impl.h"
#include "support/error.h"

namespace pebble::store {

namespace {

// One text[] column of the batch, built from each input.
template <typename Field>
std::vector<std::string> column(const std::vector<domain::BookmarkInput>& inputs, Field field) {
  std::vector<std::string> values;
  values.reserve(inputs.size());
  for (const domain::BookmarkInput& input : inputs) values.push_back(field(input));
  return values;
}

std::string boolean_text(bool value) {
  return value ? "t" : "f";
}

}  // namespace

std::vector<domain::UpsertOutcome> PostgresStore::upsert_bookmarks(
    std::int64_t owner_id, const std::vector<domain::BookmarkInput>& inputs, domain::DuplicatePolicy policy) {
  std::vector<domain::UpsertOutcome> outcomes;
  outcomes.reserve(inputs.size());
  in_transaction("upsert bookmarks", [&] {
    const auto created = insert_new_bookmarks(owner_id, inputs, clock_.now());
    // The rest, in input order, see the rows created above and each other (a later equal hash sees
    // the earlier one).
    for (std::size_t index = 0; index < inputs.size(); ++index) {
      if (created[index])
        outcomes.push_back(domain::UpsertOutcome::kCreated);
      else if (policy == domain::DuplicatePolicy::kSkip)
        outcomes.push_back(domain::UpsertOutcome::kSkipped);
      else
        outcomes.push_back(update_existing_bookmark(owner_id, inputs[index], policy));
    }
  });
  return outcomes;
}

std::vector<std::optional<std::int64_t>> PostgresStore::insert_new_bookmarks(
    std::int64_t owner_id, const std::vector<domain::BookmarkInput>& inputs, support::Timestamp now) {
  std::vector<std::optional<std::int64_t>> created(inputs.size());
  if (inputs.empty()) return created;
  // text[] literals cannot hold NULL here, so nullable columns travel with a presence flag.
  const auto created_at = [&](const domain::BookmarkInput& input) { return input.created_at.value_or(now); };
  Params params;
  params.integer(owner_id)
      .text_array(column(inputs, [](const domain::BookmarkInput& input) { return input.url; }))
      .text_array(column(inputs, [](const domain::BookmarkInput& input) { return input.unique_hash; }))
      .text_array(column(inputs, [](const domain::BookmarkInput& input) { return input.title; }))
      .text_array(
          column(inputs, [](const domain::BookmarkInput& input) { return input.description.value_or(""); }))
      .text_array(column(
          inputs,
          [](const domain::BookmarkInput& input) { return boolean_text(input.description.has_value()); }))
      .text_array(
          column(inputs, [](const domain::BookmarkInput& input) { return input.feed_url.value_or(""); }))
      .text_array(
          column(inputs,
                 [](const domain::BookmarkInput& input) { return boolean_text(input.feed_url.has_value()); }))
      .text_array(
          column(inputs, [](const domain::BookmarkInput& input) { return boolean_text(input.is_private); }))
      .text_array(
          column(inputs, [](const domain::BookmarkInput& input) { return boolean_text(input.to_read); }))
      .text_array(column(
          inputs,
          [&](const domain::BookmarkInput& input) { return support::format_iso_micros(created_at(input)); }))
      .text_array(column(inputs, [&](const domain::BookmarkInput& input) {
        return support::format_iso_micros(input.updated_at.value_or(created_at(input)));
      }));
  // ORDER BY position: of equal hashes in one batch the first is inserted, as one-by-one would.
  const Result inserted = connection_.exec(
      "insert a batch of bookmarks",
      "INSERT INTO bookmarks (owner_id, url, unique_hash, title, description, feed_url, private, to_read, "
      "created_at, updated_at) "
      "SELECT $1::bigint, i.url, i.unique_hash, i.title, CASE WHEN i.has_description THEN i.description END, "
      "CASE WHEN i.has_feed_url THEN i.feed_url END, i.private, i.to_read, i.created_at, i.updated_at "
      "FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[], $8::boolean[], "
      "$9::boolean[], $10::boolean[], $11::timestamptz[], $12::timestamptz[]) WITH ORDINALITY "
      "AS i(url, unique_hash, title, description, has_description, feed_url, has_feed_url, private, to_read, "
      "created_at, updated_at, position) ORDER BY i.position "
      "ON CONFLICT (owner_id, unique_hash) DO NOTHING RETURNING id, unique_hash",
      params);
  std::unordered_map<std::string, std::int64_t> id_by_hash;
  for (int row = 0; row < inserted.rows(); ++row)
    id_by_hash.emplace(inserted.text(row, 1), inserted.integer(row, 0));

  std::vector<std::int64_t> link_bookmarks;
  std::vector<std::string> link_names;
  std::set<std::string> names;  // sorted, so concurrent importers lock tag rows in one order
  for (std::size_t index = 0; index < inputs.size(); ++index) {
    const auto found = id_by_hash.find(inputs[index].unique_hash);
    if (found == id_by_hash.end()) continue;
    created[index] = found->second;
    id_by_hash.erase(found);  // a later input with this hash met an existing row
    std::set<std::string> own;
    for (const std::string& name : inputs[index].tags) {
      if (name.empty() || !own.insert(name).second) continue;
      link_bookmarks.push_back(*created[index]);
      link_names.push_back(name);
      names.insert(name);
    }
  }
  if (names.empty()) return created;
  connection_.exec(
      "create the batch's tags",
      "INSERT INTO tags (owner_id, name, created_at, updated_at) "
      "SELECT $1::bigint, name, $3::timestamptz, $3::timestamptz FROM unnest($2::text[]) AS name "
      "ON CONFLICT (owner_id, name) DO NOTHING",
      Params().integer(owner_id).text_array({names.begin(), names.end()}).time(now));
  connection_.exec("tag the batch's bookmarks",
                   "INSERT INTO bookmark_tags (bookmark_id, tag_id) SELECT l.bookmark_id, t.id "
                   "FROM unnest($2::bigint[], $3::text[]) AS l(bookmark_id, name) "
                   "JOIN tags t ON t.owner_id = $1::bigint AND t.name = l.name ON CONFLICT DO NOTHING",
                   Params().integer(owner_id).integer_array(link_bookmarks).text_array(link_names));
  return created;
}

}  // namespace pebble::store
