/** sessionStorage key: the search part of the last orders list shown, for the order page's back link. */
export const LAST_LIST_KEY = "orders:last-list";

export function lastListHref(): string {
  try {
    const search = sessionStorage.getItem(LAST_LIST_KEY) ?? "";
    return search.startsWith("?") ? `/orders${search}` : "/orders";
  } catch {
    return "/orders";
  }
}
