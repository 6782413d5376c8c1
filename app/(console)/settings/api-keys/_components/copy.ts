/**
 * Copies text, falling back to selecting `fallback` (an input the user can see) and the legacy
 * copy command where the Clipboard API is missing (plain-HTTP intranet deployments).
 */
export async function copyText(
  text: string,
  fallback?: HTMLInputElement | HTMLTextAreaElement | null,
): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    fallback.focus();
    fallback.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}
