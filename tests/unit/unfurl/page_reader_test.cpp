// What one fetched page comes to (unfurl/page_reader.h): the status of every kind of answer, the
// validators kept, a page that is a feed, a page cut at the size limit.
#include "unfurl/page_reader.h"

#include <catch2/catch.hpp>

#include "support/test_env.h"

using pebble::domain::UnfurlStatus;
using pebble::http::FetchFailure;
using pebble::http::FetchResponse;
using pebble::unfurl::read_page;

namespace {

const std::string kUrl = "https://user:secret@site.example/page";

FetchResponse answer(long status, const std::string& body = "",
                     const std::string& content_type = "text/html") {
  FetchResponse response;
  response.status = status;
  response.body = body;
  response.final_url = "https://site.example/page";
  response.content_type = content_type;
  response.duration_seconds = 0.25;
  return response;
}

std::string fixture(const std::string& name) {
  return pebble::test::read_file(pebble::test::test_data_dir() + "/pages/" + name);
}

}  // namespace

TEST_CASE("an HTML page is read, with its validators", "[unfurl]") {
  FetchResponse response = answer(200, fixture("open_graph.html"), "text/html; charset=utf-8");
  response.etag = "\"v1\"";
  response.last_modified = "Tue, 14 Nov 2023 22:13:20 GMT";
  const auto read = read_page(response, kUrl);
  CHECK(read.status == UnfurlStatus::kSuccess);
  CHECK(read.http_status == 200);
  CHECK(read.error.empty());
  REQUIRE(read.metadata);
  CHECK(read.metadata->title == "Open Graph title & more");
  CHECK(read.etag == "\"v1\"");
  CHECK(read.last_modified == "Tue, 14 Nov 2023 22:13:20 GMT");
  CHECK(read.duration_seconds >= 0.25);  // the fetch, and the reading on top
  CHECK_FALSE(read.is_feed);
  CHECK_FALSE(read.not_modified);
}

TEST_CASE("a page served as text/plain or without a type is still HTML by its first tag", "[unfurl]") {
  for (const char* type : {"text/plain", "application/octet-stream", ""}) {
    INFO(type);
    const auto read = read_page(answer(200, "\xEF\xBB\xBF  <!DOCTYPE html><title>T</title>", type), kUrl);
    CHECK(read.status == UnfurlStatus::kSuccess);
    CHECK(read.metadata->title == "T");
  }
}

TEST_CASE("a 304 keeps the stored metadata: a success with nothing read", "[unfurl]") {
  FetchResponse response = answer(304);
  response.etag = "\"v2\"";
  const auto read = read_page(response, kUrl);
  CHECK(read.status == UnfurlStatus::kSuccess);
  CHECK(read.not_modified);
  CHECK_FALSE(read.metadata);
  CHECK(read.etag == "\"v2\"");
}

TEST_CASE("HTTP errors and failed fetches get their statuses and one line naming the URL", "[unfurl]") {
  struct Case {
    long status;
    UnfurlStatus expected;
    std::string error;
  };
  for (const Case& c :
       {Case{404, UnfurlStatus::kNotFound, "https://user:***@site.example/page: HTTP 404"},
        Case{410, UnfurlStatus::kNotFound, "https://user:***@site.example/page: HTTP 410"},
        Case{403, UnfurlStatus::kBlocked,
             "https://user:***@site.example/page: HTTP 403 (the server refused to show the page)"},
        Case{451, UnfurlStatus::kBlocked,
             "https://user:***@site.example/page: HTTP 451 (the server refused to show the page)"},
        Case{500, UnfurlStatus::kError, "https://user:***@site.example/page: HTTP 500"},
        Case{429, UnfurlStatus::kError, "https://user:***@site.example/page: HTTP 429"}}) {
    INFO(c.status);
    FetchResponse response = answer(c.status, "<title>an error page</title>");
    response.etag = "\"e\"";
    const auto read = read_page(response, kUrl);
    CHECK(read.status == c.expected);
    CHECK(read.http_status == c.status);
    CHECK(read.error == c.error);  // the password never shows
    CHECK_FALSE(read.metadata);
    CHECK_FALSE(read.etag);  // an error page's validators are not the page's
  }
  FetchResponse denied;
  denied.failure = FetchFailure::kDenied;
  denied.error = "https://user:***@site.example/page: refused an address that is not globally routable";
  CHECK(read_page(denied, kUrl).status == UnfurlStatus::kBlocked);
  CHECK(read_page(denied, kUrl).error == denied.error);
  for (const FetchFailure failure : {FetchFailure::kTimeout, FetchFailure::kDns, FetchFailure::kConnect,
                                     FetchFailure::kTls, FetchFailure::kRedirects, FetchFailure::kTooLarge}) {
    FetchResponse failed;
    failed.failure = failure;
    failed.error = "https://user:***@site.example/page: it failed";
    const auto read = read_page(failed, kUrl);
    CHECK(read.status == UnfurlStatus::kError);
    CHECK_FALSE(read.http_status);
  }
}

TEST_CASE("a page that is a feed gives the feed's own metadata and itself as its feed", "[unfurl]") {
  FetchResponse response = answer(200, fixture("feed_itself.xml"), "application/atom+xml");
  response.final_url = "https://Feeds.Example.org:443/atom.xml#x";
  const auto read = read_page(response, kUrl);
  CHECK(read.status == UnfurlStatus::kSuccess);
  CHECK(read.is_feed);
  REQUIRE(read.metadata);
  CHECK(read.metadata->title == "A bookmarked feed");
  CHECK(read.metadata->description == "Its subtitle in HTML.");             // markup taken out
  CHECK(read.metadata->image == "https://Feeds.Example.org:443/logo.png");  // resolved against the feed's URL
  CHECK(read.metadata->favicon == "https://feeds.example.org/icon.png");
  CHECK(read.metadata->feeds ==
        std::vector<pebble::domain::AnnouncedFeed>{
            {"https://feeds.example.org/atom.xml", "application/atom+xml", "A bookmarked feed"}});
}

TEST_CASE("a feed's logo or icon that is no fetchable URL is dropped, as a page's would be", "[unfurl]") {
  const auto read = read_page(answer(200,
                                     "<rss version=\"2.0\"><channel><title>T</title>"
                                     "<image><url>/logo one.png</url></image></channel></rss>",
                                     "application/rss+xml"),
                              "https://feeds.example.org/rss");
  REQUIRE(read.metadata);
  CHECK_FALSE(read.metadata->image);  // a space: a page's <meta> image with one is dropped too
  const auto fine = read_page(answer(200,
                                     "<rss version=\"2.0\"><channel><title>T</title>"
                                     "<image><url>/logo-one.png</url></image></channel></rss>",
                                     "application/rss+xml"),
                              "https://feeds.example.org/rss");
  REQUIRE(fine.metadata);
  CHECK(fine.metadata->image == "https://site.example/logo-one.png");
  const auto no_host = read_page(answer(200,
                                        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title>"
                                        "<icon>https:///icon.png</icon></feed>",
                                        "application/atom+xml"),
                                 "https://feeds.example.org/atom");
  REQUIRE(no_host.metadata);
  CHECK_FALSE(no_host.metadata->favicon);
}

TEST_CASE("what is neither HTML nor a feed is not_html, naming its type", "[unfurl]") {
  const auto image = read_page(answer(200, fixture("image.png"), "image/png"), kUrl);
  CHECK(image.status == UnfurlStatus::kNotHtml);
  CHECK(image.error ==
        "https://user:***@site.example/page: not an HTML page or a feed (Content-Type image/png)");
  const auto untyped = read_page(answer(200, "%PDF-1.4 ...", ""), kUrl);
  CHECK(untyped.status == UnfurlStatus::kNotHtml);
  CHECK(untyped.error == "https://user:***@site.example/page: not an HTML page or a feed (no Content-Type)");
}

TEST_CASE("a body cut at the size limit is read from what arrived", "[unfurl]") {
  FetchResponse response = answer(200, fixture("large_head.html") + "<p>lorem ips");
  response.truncated = true;
  const auto read = read_page(response, kUrl);
  CHECK(read.status == UnfurlStatus::kSuccess);
  CHECK(read.truncated);
  CHECK(read.metadata->title == "A page of more than 10 MB");
}
