/** The warehouse last used on this computer (most people ship from one), read by the page. */
export const WAREHOUSE_COOKIE = "freight-warehouse";
