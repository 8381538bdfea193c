import { handlers } from "@hashiya/auth";

export const { GET, POST } = handlers;
