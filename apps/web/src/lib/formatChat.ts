const time = new Intl.DateTimeFormat('pt-BR', { hour: '2-digit', minute: '2-digit' });
const numericDate = new Intl.DateTimeFormat('pt-BR', { day: '2-digit', month: '2-digit', year: 'numeric' });
const weekday = new Intl.DateTimeFormat('pt-BR', { weekday: 'long' });

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

function daysAgo(value: string, now = new Date()): number {
  return Math.round((startOfDay(now) - startOfDay(new Date(value))) / 86_400_000);
}

/** "14:05". */
export function formatTime(value: string): string {
  return time.format(new Date(value));
}

/** Day separators in a chat: "Hoje", "Ontem", "12/03/2025". */
export function formatDayLabel(value: string): string {
  const days = daysAgo(value);
  if (days === 0) return 'Hoje';
  if (days === 1) return 'Ontem';
  return numericDate.format(new Date(value));
}

/** Conversation rows: the time today, "Ontem", the weekday this week, else the date. */
export function formatListTime(value: string): string {
  const days = daysAgo(value);
  if (days === 0) return formatTime(value);
  if (days === 1) return 'Ontem';
  if (days > 1 && days < 7) return weekday.format(new Date(value));
  return numericDate.format(new Date(value));
}

export function dayKey(value: string): string {
  const d = new Date(value);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

/** "1,2 MB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes == null) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString('pt-BR', { maximumFractionDigits: value < 10 ? 1 : 0 })} ${units[unit]}`;
}

/** "1:05". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** "+5511987654321" → "+55 11 98765-4321" (other formats are shown as they come). */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const m = /^\+55(\d{2})(\d{4,5})(\d{4})$/.exec(phone);
  return m ? `+55 ${m[1]} ${m[2]}-${m[3]}` : phone;
}
