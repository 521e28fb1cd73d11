/**
 * The import-file adapter for SIS systems that load batches (PeopleSoft, Workday, Banner population loads): each
 * batch of entries becomes one file, laid out as CSV, PESC-style AcademicAward XML or an institution's Mustache
 * template, put whole (temporary name, then rename) into a local directory or onto an SFTP server whose host key
 * is checked against the configured one. Acknowledgement files the SIS leaves afterwards are read back: accepted
 * records are written, rejected ones go to the registrar's review queue with the SIS's message.
 */
package io.credbridge.transcript.files;
