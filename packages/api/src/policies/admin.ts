import type { Actor } from "./actor";

/** Whether the actor may use the admin screen: the site's users and courses (DESIGN "Admin"). */
export function canAdministerSite(actor: Actor): boolean {
  return actor?.isAdmin === true;
}
