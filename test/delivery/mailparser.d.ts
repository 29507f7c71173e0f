// mailparser ships no types and @types/mailparser is not installed; this declares the little the
// delivery tests read from a parsed message.
declare module 'mailparser' {
  export type ParsedAddress = { value: { address?: string; name: string }[]; text: string }
  export type ParsedAttachment = { filename?: string; contentType: string; content: Buffer }
  export type ParsedMail = {
    subject?: string
    messageId?: string
    from?: ParsedAddress
    to?: ParsedAddress
    cc?: ParsedAddress
    bcc?: ParsedAddress
    replyTo?: ParsedAddress
    text?: string
    html?: string | false
    headers: Map<string, unknown>
    attachments: ParsedAttachment[]
  }
  export function simpleParser(source: Buffer | string): Promise<ParsedMail>
}
