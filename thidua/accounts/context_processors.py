from thidua.accounts.permissions import acting_board, board_roles, can_manage_board, is_board_staff


def board(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    staff = is_board_staff(user)
    return {
        "current_board": acting_board(user),
        "current_roles": board_roles(user),
        "is_board_staff": staff,
        "can_manage_board": can_manage_board(user),
        # False on the 2FA page of Board staff: no app menus (nor their htmx requests) before the gate.
        "past_two_factor_gate": not staff or user.is_verified(),
    }
