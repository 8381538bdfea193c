// The participation table as a CSV download. The procedure checks who may have it (staff and
// admins, on the server, as for the page); this handler only formats and names the file.
import { create as contentDisposition } from "content-disposition";
import { getTranslations } from "next-intl/server";
import { COLUMNS, type Column } from "~/dashboard/sort";
import { participationCsv } from "~/dashboard/participation-csv";
import { refusalResponse } from "~/server/refusal-response";
import { api } from "~/trpc/server";

interface Context {
  params: Promise<{ textId: string }>;
}

/** A file name from a title: no path separators, reserved or control characters. */
function safeFileName(name: string): string {
  return name
    .replace(/[\\/:*?"<>|\p{Cc}\p{Cf}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);
}

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { textId } = await params;
  const caller = await api();
  let data: Awaited<ReturnType<typeof caller.dashboard.participation>>;
  let title: string;
  try {
    [data, { title }] = await Promise.all([
      caller.dashboard.participation({ textId }),
      caller.text.byId({ textId }),
    ]);
  } catch (error) {
    return refusalResponse(error);
  }
  const t = await getTranslations("dashboard");
  const headers = Object.fromEntries(COLUMNS.map((c) => [c, t(`col_${c}`)])) as Record<
    Column,
    string
  >;
  const bom = new URL(request.url).searchParams.get("bom") === "1";
  const csv = participationCsv(data.students, { headers, hasDue: data.dueAt !== null, bom });
  // content-disposition writes the RFC 5987 `filename*` (UTF-8), so an Arabic title survives,
  // and an ASCII `filename` for older clients (the text's id rather than a row of "?").
  const fileName = `${safeFileName(`${t("csvFile")} - ${title}`)}.csv`;
  const fallback = `participation-${textId.replace(/[^\w-]/g, "")}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition(fileName, { fallback }),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
