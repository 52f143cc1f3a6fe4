import type { customerToolsHe } from './customerTools.he';

export const customerToolsEn: Record<keyof typeof customerToolsHe, string> = {
  'customers.import': 'Import from CSV',
  'customers.export': 'Export to CSV',
  'customers.exporting': 'Exporting…',
  'customers.exported': '{file} was downloaded.',
  'customers.timeline': 'Timeline',

  'import.title': 'Import customers from a CSV file',
  'import.intro':
    'A UTF-8 CSV file with a header row in Hebrew or English (first name, last name, phone, email, tags…). An existing customer is matched by phone, then by email, and updated.',
  'import.file': 'CSV file',
  'import.chooseFile': 'Choose a file.',
  'import.start': 'Start the import',
  'import.running': 'Importing…',
  'import.close': 'Close',
  'import.status.queued': 'Waiting in the queue',
  'import.status.running': 'Importing',
  'import.status.completed': 'Import finished',
  'import.status.failed': 'Import failed',
  'import.percent': '{percent}% done',
  'import.progress': '{done} of {total} rows ({percent}%)',
  'import.report': '{created} added, {updated} updated, {skipped} unchanged, {failed} failed.',
  'import.errors': 'Rows not imported',
  'import.col.row': 'Row',
  'import.col.field': 'Field',
  'import.col.message': 'Reason',

  'timeline.title': "{name}'s timeline",
  'timeline.empty': 'No activity yet.',
  'timeline.actor.user': 'A user',
  'timeline.actor.api_key': 'An API key',
  'timeline.actor.system': 'The system',
  'timeline.actor.public': 'The customer',
};
