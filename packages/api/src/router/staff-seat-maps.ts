import { z } from 'zod';
import {
  createSeatMap,
  deleteSeatMap,
  listSeatMaps,
  renameSeatMap,
  seatMapForStaff,
} from '../domain/seat-maps/maps';
import {
  AddSectionInput,
  CreateSeatMapInput,
  EditSeatsInput,
  RemoveSectionInput,
  RenameSeatMapInput,
  SeatMapChange,
  SeatMapDetail,
  SeatMapId,
  SeatMapSummary,
} from '../domain/seat-maps/schemas';
import { editSeats } from '../domain/seat-maps/seat-edits';
import { addSection, removeSection } from '../domain/seat-maps/sections';
import { router, staffProcedure } from '../trpc';

const Created = z.object({ id: z.uuid() });

/**
 * The seat map editor (staff.seatMaps.*). Changes to a map reach the seats of its dates to
 * come in the same transaction; seats a customer holds or bought are never lost.
 */
export const staffSeatMapsRouter = router({
  list: staffProcedure('catalog:read')
    .output(z.array(SeatMapSummary))
    .query(({ ctx }) => listSeatMaps(ctx.db, ctx.staff.orgId)),

  get: staffProcedure('catalog:read')
    .input(SeatMapId)
    .output(SeatMapDetail)
    .query(({ ctx, input }) => seatMapForStaff(ctx.db, ctx.staff.orgId, input.seatMapId)),

  create: staffProcedure('catalog:write')
    .input(CreateSeatMapInput)
    .output(Created)
    .mutation(({ ctx, input }) => createSeatMap(ctx.db, input, ctx.staff, ctx.requestId)),

  rename: staffProcedure('catalog:write')
    .input(RenameSeatMapInput)
    .output(Created)
    .mutation(({ ctx, input }) => renameSeatMap(ctx.db, input, ctx.staff, ctx.requestId)),

  delete: staffProcedure('catalog:write')
    .input(SeatMapId)
    .output(Created)
    .mutation(({ ctx, input }) => deleteSeatMap(ctx.db, input.seatMapId, ctx.staff, ctx.requestId)),

  addSection: staffProcedure('catalog:write')
    .input(AddSectionInput)
    .output(SeatMapChange)
    .mutation(({ ctx, input }) =>
      addSection(ctx.db, input, ctx.staff, { requestId: ctx.requestId, events: ctx.events }),
    ),

  removeSection: staffProcedure('catalog:write')
    .input(RemoveSectionInput)
    .output(SeatMapChange)
    .mutation(({ ctx, input }) =>
      removeSection(ctx.db, input, ctx.staff, { requestId: ctx.requestId, events: ctx.events }),
    ),

  editSeats: staffProcedure('catalog:write')
    .input(EditSeatsInput)
    .output(SeatMapChange)
    .mutation(({ ctx, input }) =>
      editSeats(ctx.db, input, ctx.staff, { requestId: ctx.requestId, events: ctx.events }),
    ),
});
