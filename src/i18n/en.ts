import type { Strings } from './vi';

/** English strings (used when Office's display language is not Vietnamese, or by the switch). */
export const en: Strings = {
  'app.title': 'Tiêu chí',
  'app.subtitle': 'Model-unit criteria of the national security movement (Decision 9745/QĐ-BCA-V05)',
  'app.switchLanguage': 'Tiếng Việt',
  'app.switchLanguageLabel': 'Chuyển ngăn sang tiếng Việt',
  'app.loading': 'Loading…',

  'unsupported.title': 'This version of Excel cannot run the Tiêu chí pane',
  'unsupported.body':
    'The Tiêu chí pane needs Excel 2021, Microsoft 365 or Excel on the web. This Excel lacks the required features (ExcelApi 1.7).',
  'unsupported.workbook':
    'The criteria workbook still scores itself in any Excel, LibreOffice or WPS: create it with “tieuchi template” (or ask your coordinator for the template), fill the light-yellow cells, and the Result column and Conclusion cell calculate themselves.',

  'insert.heading': 'Insert criteria sheet',
  'insert.pack': 'Criteria set',
  'pack.xa': 'Commune, ward, township, special zone',
  'pack.coquan': 'Agency, enterprise, school',
  'pack.count': '{n} criteria',
  'insert.plan': 'Plan in force',
  'insert.planHint': 'Evaluation period, review date and selection conditions of the province plan',
  'insert.unitName': 'Unit name',
  'insert.unitNameHint': 'May be left empty and filled in the sheet later.',
  'insert.year': 'Evaluation year',
  'insert.yearInvalid': 'The evaluation year must be a number from {min} to {max}.',
  'insert.sheetName': 'New sheet name',
  'insert.sheetNameInvalid':
    'The sheet name must not be empty, at most 31 characters, without : \\ / ? * [ ] and not the name of an existing sheet.',
  'insert.button': 'Insert criteria sheet',
  'insert.busy': 'Inserting the criteria sheet…',
  'insert.done': 'Inserted sheet “{sheet}”. Fill the light-yellow cells; this pane updates itself.',
  'insert.exists':
    'The workbook already has the criteria sheet “{sheet}”. An existing sheet is never overwritten.',
  'insert.open': 'Open sheet',
  'insert.addAnother': 'Add another',
  'insert.cancel': 'Cancel',

  'summary.heading': 'Summary',
  'summary.sheet': 'Sheet shown',
  'summary.none': 'This workbook has no criteria sheet yet. Insert one above.',
  'summary.verdict': 'Conclusion',
  'summary.passed': '{passed}/{applicable} applicable criteria met',
  'summary.asOf': 'As of {date}',
  'summary.groups': 'Progress by group',
  'summary.groupProgress': '{passed}/{applicable} met',
  'summary.filter': 'Filter by status',
  'summary.filterAll': 'All',
  'summary.list': 'Criteria',
  'summary.empty': 'No criterion has this status.',
  'summary.goTo': 'Go to',
  'summary.goToLabel': 'Go to the input cell of {id}',
  'summary.updated': 'Updated at {time}',
  'summary.manualOnly': 'This Excel does not report changes: click Refresh after entering data.',
  'summary.warnings': 'Notes',
  'summary.unknownPack': 'Sheet “{sheet}” uses criteria set “{pack}”, which this version does not have.',

  'action.refresh': 'Refresh',
  'action.evaluate': 'Evaluate',
  'action.clear': 'Clear highlights',
  'busy.refresh': 'Reading the criteria sheet…',
  'busy.evaluate': 'Evaluating…',
  'busy.clear': 'Clearing highlights…',
  'busy.goTo': 'Selecting the cell…',

  'evaluate.done': 'Evaluated: {verdict}. Highlighted {count} criteria not met.',
  'evaluate.donePass': 'Evaluated: {verdict}.',
  'evaluate.disagree':
    'The sheet formulas disagree with the add-in on {count} criteria (formulas may have been edited). Consider inserting a fresh sheet and copying the data over:',
  'evaluate.disagreeItem': '{id}: sheet says “{sheet}”, recomputed “{engine}”',
  'evaluate.noSheet': 'No criteria sheet found to evaluate.',
  'clear.done': 'Removed the Tiêu chí highlights; your own formatting is unchanged.',
  'undo.lost':
    'Note: this action cannot be undone with Ctrl+Z (Excel clears the undo history when an add-in lifts and restores sheet protection, or when this Excel version has no add-in undo).',

  'upward.heading': 'Dossier and consolidation',
  'consolidate.heading': 'Consolidate',
  'consolidate.files': 'Criteria workbooks of the units (.xlsx)',
  'consolidate.hint':
    'Choose one or more files. The result goes to new sheets “Tổng hợp”, “Theo tiêu chí”, “Biểu đồ” in this workbook; other sheets stay as they are.',
  'consolidate.roster': 'The area’s roster of units (.csv or .xlsx, optional)',
  'consolidate.rosterHint':
    'First column: the unit’s name; second column: its type (if any). Without a file, this workbook’s sheet “Danh sách đơn vị” is used if there is one. Shows the units that sent nothing; target shares over the whole roster.',
  'consolidate.missing': 'Units of the roster that sent no workbook ({n}):',
  'consolidate.button': 'Consolidate',
  'consolidate.chosen': '{n} file(s) chosen.',
  'consolidate.progress': 'Reading {index}/{total}: {name}',
  'consolidate.progressLabel': 'File reading progress',
  'consolidate.writing': 'Writing the consolidation sheet…',
  'consolidate.done':
    'Wrote the sheet “{sheet}”: {units} unit(s), {duplicates} unit(s) with several files, {errors} unreadable file(s).',
  'consolidate.errors': 'Unreadable files (the other files were consolidated):',
  'consolidate.noFiles': 'Choose at least one .xlsx file.',
  'dossier.heading': 'Dossier',
  'dossier.hint':
    'Evaluates the criteria sheet shown and adds the sheets Báo cáo kết quả (report), Biên bản họp xét (minutes) and Tờ trình (submission). Existing sheets are never overwritten.',
  'dossier.button': 'Make the dossier',
  'dossier.busy': 'Making the dossier…',
  'dossier.done': 'Added the sheets: {sheets}. Verdict: {verdict}.',
  'dossier.noSheet': 'There is no criteria sheet to make a dossier from. Insert one above.',
  'prior.heading': 'Last year’s figures',
  'prior.file': 'Last year’s criteria workbook (.xlsx)',
  'prior.hint':
    'Fills the blank “last year” inputs of the sheet shown; inputs you already typed stay as they are. Last year’s figures are shown beside this year’s inputs.',
  'prior.button': 'Fill in last year’s figures',
  'prior.busy': 'Reading {name}…',
  'prior.done': 'Filled {written} input(s) from “{file}”; last year’s figures shown beside {notes} input(s).',
  'prior.skipped': 'Left {count} input(s) that already had a value:',
  'prior.skippedItem': '{id}: currently “{value}”, last year “{last}”',
  'prior.noFile': 'Choose last year’s criteria workbook.',

  'error.title': 'Could not complete',
  'error.generic':
    'Something went wrong while working with Excel. Try again; if it persists, close and reopen the pane.',
  'error.editMode': 'Excel is in cell-edit mode. Press Enter or Esc and try again.',
  'error.notFound': 'The criteria sheet was not found (it may have been deleted or renamed). Click Refresh.',
  'error.protected': 'The sheet is protected or the workbook is read-only, so nothing could be written.',
  'error.dismiss': 'Dismiss',
};
