import type { Kysely } from 'kysely';
import type { Ddl } from './ddl';
import * as m001 from './001_initial';
import * as m002 from './002_queue_indexes';
import * as m003 from './003_assessment';
import * as m004 from './004_advice_log';
import * as m005 from './005_guardians';
import * as m006 from './006_report_indexes';
import * as m007 from './007_guidance_letters';
import * as m008 from './008_roster_planning';
import * as m009 from './009_access_and_inbox';
import * as m010 from './010_sign_in_throttle';
import * as m011 from './011_statutory_deadlines';
import * as m012 from './012_urgent_assessment';
import * as m013 from './013_statutory_record';
import * as m014 from './014_sessions';
import * as m015 from './015_idempotency';
import * as m016 from './016_name_prefixes';
import * as m017 from './017_case_notification_index';
import * as m018 from './018_sign_in_times';
import * as m019 from './019_assessment_work';
import * as m020 from './020_assessment_partners';
import * as m021 from './021_summary_support_handover';
import * as m022 from './022_customer_feedback';
import * as m023 from './023_feedback_response_id';
import * as m024 from './024_running_jobs';

export interface Migration {
  version: number;
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema of their time
  up(db: Kysely<any>, ddl: Ddl): Promise<void>;
}

/**
 * The one registry of migrations, for both engines (each step asks `ddl` where their DDL differs). Versions
 * only go up; never change what a shipped migration does to a store.
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', up: m001.up },
  { version: 2, name: 'queue indexes', up: m002.up },
  { version: 3, name: 'assessment summary and outcome', up: m003.up },
  { version: 4, name: 'advice log', up: m004.up },
  { version: 5, name: 'guardians', up: m005.up },
  { version: 6, name: 'report indexes', up: m006.up },
  { version: 7, name: 'guidance services, regional teams and letters', up: m007.up },
  { version: 8, name: 'duty wishes and roster change history', up: m008.up },
  { version: 9, name: 'audit-log case index, inbox, password change on next sign-in', up: m009.up },
  { version: 10, name: 'sign-in throttle kept across restarts', up: m010.up },
  { version: 11, name: 'statutory deadlines without closure days', up: m011.up },
  { version: 12, name: 'urgent cases keep their service need assessment', up: m012.up },
  { version: 13, name: 'real urgency and decision times, THL population, overrun and closure reasons', up: m013.up },
  { version: 14, name: 'the county server keeps its sessions in the store', up: m014.up },
  { version: 15, name: 'a write retried with its idempotency key is done once', up: m015.up },
  { version: 16, name: 'name search by whole prefixes on PostgreSQL', up: m016.up },
  { version: 17, name: 'the cases of one notification found by index', up: m017.up },
  { version: 18, name: 'each account keeps its last two sign-in times', up: m018.up },
  { version: 19, name: 'the assessment work pair and meetings', up: m019.up },
  { version: 20, name: 'the assessment partners and the client consent', up: m020.up },
  { version: 21, name: 'the assessment summary, support started and the hand-over', up: m021.up },
  { version: 22, name: 'anonymous customer feedback per team', up: m022.up },
  { version: 23, name: 'imported feedback answers counted once', up: m023.up },
  { version: 24, name: 'long jobs under way, seen from every server instance', up: m024.up },
];

export const LATEST_VERSION = migrations[migrations.length - 1]!.version;
