import type { BusinessHours, Weekday } from '@piloto/contracts';

const days: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Whether `at` falls inside the company's business hours, in the company's time zone. */
export function isWithinBusinessHours(hours: BusinessHours, timeZone: string, at: Date): boolean {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = days[['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'))];
  const today = hours[day];
  if (!today?.open) return false;
  const now = `${get('hour')}:${get('minute')}`;
  return now >= today.start && now < today.end;
}
