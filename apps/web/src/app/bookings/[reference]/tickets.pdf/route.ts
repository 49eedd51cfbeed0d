import { createBookingFileHandler } from '@tessera/api/next/booking-files';
import { auth } from '~/server/auth';

export const GET = createBookingFileHandler(auth, 'pdf');
