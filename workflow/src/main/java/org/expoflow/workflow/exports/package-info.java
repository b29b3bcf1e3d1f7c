/**
 * The office's lists as spreadsheets, with the filters of the screen or the API they come from, and the filters a
 * user saves to open a list again (alone, or shared with everyone of a role).
 */
package org.expoflow.workflow.exports;
