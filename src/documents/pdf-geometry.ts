// Where things sit on an A4 invoice page, in millimetres converted to PDF points.
//
// The recipient's address must show through a window envelope in both markets we print for:
//   DIN 5008 form B (DE, and the C5/C6 and DL envelopes of DIN 680 used across DK): window 20 mm
//     from the left, 45 mm from the top, 85 x 45 mm; its top 5 mm hold the return-address line.
//   The Swedish SIS window envelope: window about 20 mm from the left and 50 mm from the top.
// Their intersection is x 20..105 mm, y 50..90 mm. The address block sits inside it with 5 mm of
// slack on every side for the sheet sliding in the envelope: x 25 mm, y 55 mm, 75 x 30 mm. The
// return-address line sits at y 50..53 mm, inside both windows too.

export const MM = 72 / 25.4

export const PAGE_WIDTH = 595.28
export const PAGE_HEIGHT = 841.89

/** DIN 5008's left margin; the right one leaves 20 mm. */
export const LEFT = 25 * MM
export const RIGHT = PAGE_WIDTH - 20 * MM
export const CONTENT_WIDTH = RIGHT - LEFT

export const LOGO = { x: LEFT, y: 12 * MM, width: 60 * MM, height: 22 * MM }
/** DIN 5008's information block column, also used for the sender at the top. */
export const RIGHT_COLUMN_X = 125 * MM
export const RIGHT_COLUMN_WIDTH = RIGHT - RIGHT_COLUMN_X
export const SENDER_Y = 12 * MM

export const RETURN_ADDRESS = { x: 25 * MM, y: 50 * MM, width: 75 * MM }
export const RECIPIENT = { x: 25 * MM, y: 55 * MM, width: 75 * MM, height: 30 * MM }
export const META_Y = 50 * MM

/** DIN 5008 form B starts the letter's text at 98.46 mm. */
export const TITLE_Y = 98.5 * MM
export const CONTINUATION_TOP = 20 * MM
/** Content stops here; the footer and page number live below. */
export const CONTENT_BOTTOM = PAGE_HEIGHT - 30 * MM
export const FOOTER_Y = PAGE_HEIGHT - 22 * MM
export const PAGE_NUMBER_Y = PAGE_HEIGHT - 12 * MM

export const QR_SIZE = 32 * MM

export const FONT = 'Helvetica'
export const FONT_BOLD = 'Helvetica-Bold'
export const BODY_SIZE = 9
export const SMALL_SIZE = 7.5
export const TITLE_SIZE = 16
/** Line height as a multiple of the font size. */
export const LEADING = 1.25
