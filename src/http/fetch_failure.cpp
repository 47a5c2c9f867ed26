// Names of fetch failures, for logs and tests.
#include "http/http_client.h"

namespace pebble::http {

const char* fetch_failure_name(FetchFailure failure) {
  switch (failure) {
    case FetchFailure::kNone:
      return "none";
    case FetchFailure::kTimeout:
      return "timeout";
    case FetchFailure::kDns:
      return "dns";
    case FetchFailure::kConnect:
      return "connect";
    case FetchFailure::kTls:
      return "tls";
    case FetchFailure::kTooLarge:
      return "too_large";
    case FetchFailure::kRedirects:
      return "redirects";
    case FetchFailure::kDenied:
      return "denied";
    case FetchFailure::kCancelled:
      return "cancelled";
  }
  return "connect";
}

}  // namespace pebble::http
