import { type ComponentType, createContext, useContext } from 'react';
import { Outlet } from 'react-router';

/** The criteria picker of the criteria feature, as the hazard forms use it. */
export interface CriteriaPickerSlotProps {
  /** The hazard's description: suggestions follow what the inspector writes. */
  description: string;
  enterpriseId?: number | null;
  /** The discovery date (YYYY-MM-DD): only criteria in force then may be cited. */
  foundOn?: string | null;
  value?: string[];
  onChange?: (codes: string[]) => void;
}

/** The enterprise picker of the enterprise feature. */
export interface EnterpriseSelectSlotProps {
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  id?: string;
}

/**
 * Widgets the hazard pages borrow from other features. Features do not import each other: the router (app/) loads
 * both and hands them in here, so the hazard feature only knows their props.
 */
export interface HazardSlots {
  CriteriaPicker: ComponentType<CriteriaPickerSlotProps>;
  EnterpriseSelect: ComponentType<EnterpriseSelectSlotProps>;
}

const HazardSlotsContext = createContext<HazardSlots | null>(null);

export function useHazardSlots(): HazardSlots {
  const slots = useContext(HazardSlotsContext);
  if (!slots) throw new Error('hazard pages need <HazardSlotsRoute> above them (see app/router.tsx)');
  return slots;
}

/** The /hazards route element: provides the borrowed widgets to every hazard page below it. */
export function HazardSlotsRoute({ slots }: { slots: HazardSlots }) {
  return (
    <HazardSlotsContext.Provider value={slots}>
      <Outlet />
    </HazardSlotsContext.Provider>
  );
}
