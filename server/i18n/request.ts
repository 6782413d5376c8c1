import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { catalogues } from "@/components/i18n/messages";
import { currentSession } from "@/server/auth/current";
import {
  defaultLocale,
  isLocale,
  LOCALE_COOKIE,
  TIME_ZONE,
  type Locale,
} from "@/components/i18n/config";

/**
 * The language of a request: the signed-in user's saved choice, else the cookie set by the switch on
 * the sign-in page, else Chinese.
 */
async function resolveLocale(): Promise<Locale> {
  const session = await currentSession();
  if (session) return session.user.locale;
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(fromCookie) ? fromCookie : defaultLocale;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  const messages = catalogues[locale];
  return { locale, messages, timeZone: TIME_ZONE };
});
