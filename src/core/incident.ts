/**
 * Open incidents as an incident hold sees them: who is assigned to one and who acknowledged it,
 * by email. Plain values; the sources (src/sources/) produce them.
 */
import type { ReadFailure } from './diagnostics.js';

/**
 * An open incident (triggered or acknowledged) routed through a rotation, as an incident hold
 * reads it: who is assigned to it and who acknowledged it, by email (lower-cased).
 */
export interface Incident {
  /** The number people know it by (PagerDuty's `incident_number`). */
  number: number;
  title: string;
  status: 'triggered' | 'acknowledged';
  assigned: string[];
  acknowledged: string[];
}

/** The open incidents routed through one rotation, or why they are unknown. */
export type IncidentRead = { ok: true; incidents: Incident[] } | ReadFailure;
