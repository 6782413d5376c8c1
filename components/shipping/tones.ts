/**
 * Pack-station sounds through WebAudio (no audio files): a short high blip for a good scan, a
 * low harsh double buzz for a wrong one, so the packer hears a mistake without looking up.
 */

let ctx: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof window === "undefined") return null;
  // Browsers refuse audio before the first key press or click on the page; stay quiet until then.
  if (navigator.userActivation && !navigator.userActivation.hasBeenActive) return null;
  const Ctor =
    window.AudioContext ??
    (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  try {
    ctx ??= new Ctor();
    if (ctx.state === "suspended") void ctx.resume();
    return ctx;
  } catch {
    return null;
  }
}

function tone(
  c: AudioContext,
  at: number,
  freq: number,
  seconds: number,
  type: OscillatorType,
  volume: number,
) {
  const osc = c.createOscillator();
  const gain = c.createGain();
  osc.type = type;
  osc.frequency.value = freq;
  gain.gain.setValueAtTime(volume, at);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + seconds);
  osc.connect(gain).connect(c.destination);
  osc.start(at);
  osc.stop(at + seconds + 0.02);
}

export type Tone = "ok" | "error" | "done";

export function playTone(kind: Tone) {
  const c = audio();
  if (!c) return;
  const t = c.currentTime;
  if (kind === "ok") tone(c, t, 1320, 0.08, "sine", 0.15);
  else if (kind === "done") {
    tone(c, t, 880, 0.1, "sine", 0.15);
    tone(c, t + 0.11, 1320, 0.16, "sine", 0.15);
  } else {
    tone(c, t, 160, 0.22, "square", 0.25);
    tone(c, t + 0.28, 160, 0.32, "square", 0.25);
  }
}
