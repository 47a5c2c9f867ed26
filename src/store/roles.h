#pragma once
// What the consumers' structs of store roles (e.g. poll/poller.h's PollStores) accept: any one
// object that implements all their roles, so a caller passes its whole Store and a test a fake of
// just those roles. Standard library only.
#include <concepts>

namespace pebble::store {

// Whether one object implements every role in `Roles`.
template <typename Object, typename... Roles>
concept implements_roles = (std::derived_from<Object, Roles> && ...);

}  // namespace pebble::store
